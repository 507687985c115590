import type { FirstOpenHook } from '@/features/module'
import { databaseNameFor } from '@/sync/remote-names'

/**
 * MEM-1/MEM-2 defaults and the MEM-8 card key for an organisation founded before the membership desk:
 * stored when a manager first opens one of the desk's pages (check-in or members) on a device. Until
 * then the desk reads the defaults (`deskSettings`). Only managers: the server takes them from nobody else.
 */
export const deskFirstOpen: FirstOpenHook = {
  name: 'membership-desk',
  permission: 'settings.manage',
  // Loads its code when run, so the app's first load does not carry it.
  run: async ({ storage, orgId }) => {
    // A device that joined through a sync server has the organisation's desk settings and card key coming: setting
    // up its own first would write a rival epoch-1 card key. It waits (the next open tries again) until the desk
    // realm has been pulled. A device that never synced founded the organisation itself: nothing else is coming.
    const pulled = await storage.syncPort.pulledDatabases()
    if (pulled.length > 0 && !pulled.includes(databaseNameFor('desk'))) throw new Error('the desk realm has not reached this device yet')
    await (await import('./desk-setup')).ensureDeskSetup(storage.desk, orgId)
  },
}
