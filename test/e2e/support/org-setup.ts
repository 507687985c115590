import type { Page } from 'playwright-core'
import { AuthPage } from '../pages/auth.page'
import { StaffAdminPage } from '../pages/staff.page'

export const admin = { name: '王经理', username: 'wang.admin', passphrase: 'lanterns over the harbour 2026' }
export const desk = { name: '李前台', username: 'li.desk', passphrase: 'green tea at the front desk' }
export const manager = { name: '赵经理', username: 'zhao.manager', passphrase: 'audit every single thing' }

/**
 * Through the UI: create the organisation and its admin, create a front-desk
 * (and optionally a manager) account, and finish the front-desk user's first
 * sign-in. Ends signed in as the front-desk user.
 */
export async function orgWithStaff(page: Page, baseUrl: string, options: { manager?: boolean } = {}) {
  const auth = new AuthPage(page, baseUrl)
  await auth.createOrganisation(admin)
  await auth.go('/staff')
  const staff = new StaffAdminPage(page)
  const deskCode = await staff.create({ ...desk, role: 'frontdesk' })
  const managerCode = options.manager ? await staff.create({ ...manager, role: 'manager' }) : undefined
  await auth.signOut()
  await auth.signIn(desk.username, deskCode)
  await auth.completeFirstSignIn(desk.passphrase)
  return { auth, deskCode, managerCode }
}
