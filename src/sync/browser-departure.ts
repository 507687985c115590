import { serverBase } from './browser-sync'
import { claimEpochOnServer } from './epoch-claim'
import { disableDepartedAccount, loginWithdrawn, type DepartureServer } from './departure-server'

/** CONF-9: the server part of a departure, through this origin's sync server with the signed-in admin's cookie. */
export const browserDepartureServer: DepartureServer = {
  disable: (target) => disableDepartedAccount(serverBase, target),
  withdrawn: (login) => loginWithdrawn(serverBase, login),
  claimEpoch: (kid, by) => claimEpochOnServer(serverBase, kid, by),
}
