import { serverBase } from './browser-sync'
import { changeOwnServerPassword, createServerAccount } from './server-account'
import { serverLogin } from './server-session'
import { askForTechRealm } from './tech-realms'

/**
 * The first admin connects the organisation to the sync server once, with the
 * server administrator's credentials (used for this request only, never stored):
 * it creates the admin's own server account. Everything else then syncs.
 */
export async function connectOrganisation(admin: { userId: string; serverPassword: string }, serverAdmin: { name: string; password: string }): Promise<void> {
  try {
    await createServerAccount(serverBase, { name: admin.userId, password: admin.serverPassword, roles: ['admin'] }, serverAdmin)
  } catch (e) {
    // Already connected (this admin's account exists): signing in below proves it is the right one.
    if ((e as { status?: number }).status !== 409) throw e
  }
  const login = await serverLogin(serverBase, admin.userId, admin.serverPassword)
  if (!login.ok) throw Object.assign(new Error(login.reason), { status: login.status })
}

/** A new staff member's server account, created by an admin signed in to the server. */
export async function createStaffServerAccount(userId: string, serverPassword: string, role: string): Promise<void> {
  await createServerAccount(serverBase, { name: userId, password: serverPassword, roles: [role] })
}

/** Issue 15 §3: asks the server for a new technician's own database (once their server account exists). */
export async function askForTechnicianDatabase(userId: string, by: string): Promise<void> {
  await askForTechRealm(serverBase, { userId, by, at: Date.now() })
}

/** After a first sign-in the setup code's server password gives way to the passphrase's. */
export async function moveServerPassword(userId: string, from: string, to: string): Promise<boolean> {
  const login = await serverLogin(serverBase, userId, from)
  if (!login.ok) return false
  await changeOwnServerPassword(serverBase, userId, to)
  return (await serverLogin(serverBase, userId, to)).ok
}
