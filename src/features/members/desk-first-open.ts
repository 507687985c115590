import type { FirstOpenHook } from '@/features/module'

/**
 * MEM-1/MEM-2 defaults and the MEM-8 card key for an organisation founded before the membership desk:
 * stored when a manager first opens one of the desk's pages (check-in or members) on a device. Until
 * then the desk reads the defaults (`deskSettings`). Only managers: the server takes them from nobody else.
 */
export const deskFirstOpen: FirstOpenHook = {
  name: 'membership-desk',
  permission: 'settings.manage',
  // Loads its code when run, so the app's first load does not carry it.
  run: async ({ storage, orgId }) => (await import('./desk-setup')).ensureDeskSetup(storage.desk, orgId),
}
