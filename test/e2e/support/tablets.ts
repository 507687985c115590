import type { Browser, Page } from 'playwright-core'
import { expect } from 'vitest'
import { AuthPage } from '../pages/auth.page'
import { ShellPage } from '../pages/shell.page'
import { StaffAdminPage } from '../pages/staff.page'
import { newContext } from './chromium'
import type { RunningLobbyServer } from '../../support/lobby-server'
import { admin, desk } from './org-setup'

/** The broadband counter's agent (issue 12). */
export const agent = { name: '孙宽带', username: 'sun.agent', passphrase: 'broadband at the counter 2027' }

/**
 * Tablet A: the admin founds the organisation, connects it to the sync server and creates the
 * front-desk account (and a manager's, if asked); the front-desk user then signs in for the first
 * time there. Ends signed in as the front-desk user, synced.
 */
export async function connectedDeskTablet(page: Page, lobby: RunningLobbyServer, options: { manager?: { name: string; username: string } } = {}) {
  const auth = new AuthPage(page, lobby.url)
  await auth.createOrganisation(admin)
  await auth.go('/settings')
  await page.getByTestId('server-admin-password').fill(lobby.adminPassword)
  await page.getByTestId('connect-submit').click()
  await expect.poll(() => page.getByTestId('connect-result').textContent(), { timeout: 30_000 }).toMatch(/已连接|Connected/)
  await auth.go('/staff')
  const staff = new StaffAdminPage(page)
  const deskCode = await staff.create({ ...desk, role: 'frontdesk' })
  expect(await page.getByTestId('server-account-problem').count()).toBe(0)
  const managerCode = options.manager ? await staff.create({ ...options.manager, role: 'manager' }) : undefined
  await new ShellPage(page, lobby.url).syncNow()
  await auth.signOut()
  await auth.signIn(desk.username, deskCode)
  await auth.completeFirstSignIn(desk.passphrase)
  await new ShellPage(page, lobby.url).syncNow()
  return { auth, managerCode }
}

/** Tablet B: a fresh browser joins with the front-desk user's own passphrase. */
export async function deskJoinsOnSecondTablet(browser: Browser, lobby: RunningLobbyServer) {
  const b = await newContext(browser)
  const pageB = await b.newPage()
  const authB = new AuthPage(pageB, lobby.url)
  await authB.join(desk.username, desk.passphrase)
  await pageB.getByTestId('signed-in-as').waitFor({ timeout: 60_000 })
  return { b, pageB, authB }
}

/**
 * The admin founds the organisation and connects it to the sync server (with a front-desk account, as every
 * connected tablet has), then creates the agent, who signs in for the first time; ends signed in as the agent, synced.
 */
export async function agentOnConnectedTablet(page: Page, lobby: RunningLobbyServer): Promise<{ auth: AuthPage; shell: ShellPage }> {
  const { auth } = await connectedDeskTablet(page, lobby)
  const shell = new ShellPage(page, lobby.url)
  await auth.signOut()
  await auth.signIn(admin.username, admin.passphrase)
  await page.getByTestId('signed-in-as').waitFor()
  await auth.go('/staff')
  const code = await new StaffAdminPage(page).create({ name: agent.name, username: agent.username, role: 'agent' })
  await shell.syncNow()
  await auth.signOut()
  await auth.signIn(agent.username, code)
  await auth.completeFirstSignIn(agent.passphrase)
  await shell.syncNow()
  return { auth, shell }
}
