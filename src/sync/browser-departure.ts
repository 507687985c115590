import { storage } from '@/storage/session-keys'
import { serverBase } from './browser-sync'
import { claimEpochOnServer, claimOrOwn } from './epoch-claim'
import { disableDepartedAccount, loginWithdrawn, type DepartureServer } from './departure-server'
import { databaseNameFor } from './remote-names'

/** CONF-9: the server part of a departure, through this origin's sync server with the signed-in admin's cookie. */
export const browserDepartureServer: DepartureServer = {
  disable: (target) => disableDepartedAccount(serverBase, target),
  withdrawn: (login) => loginWithdrawn(serverBase, login),
  claimEpoch: async (kid, claimant) =>
    claimOrOwn(await claimEpochOnServer(serverBase, kid, claimant), async () => (await storage.syncPort.cursors.get(databaseNameFor('org'))) !== undefined),
}
