import type { FirstOpenHook } from '@/features/module'
import { databaseNameFor } from '@/sync/remote-names'

/**
 * REC-2, REC-3, REC-7 defaults for an organisation founded before reception kept settings: stored when a manager
 * first opens a reception page on a device. Until then the desk reads the defaults (reception.store.ts).
 */
export const receptionFirstOpen: FirstOpenHook = {
  name: 'reception-settings',
  permission: 'settings.manage',
  run: async ({ storage }) => {
    // A device that joined through a sync server may have a manager's table on its way: storing the defaults first
    // would make a rival version of the singleton. It waits (the next open tries again) until the desk realm has
    // been pulled. A device that never synced founded the organisation itself: nothing else is coming.
    const pulled = await storage.syncPort.pulledDatabases()
    if (pulled.length > 0 && !pulled.includes(databaseNameFor('desk'))) throw new Error('the desk realm has not reached this device yet')
    await (await import('./reception-setup')).ensureReceptionSettings(storage.recordContext)
  },
}
