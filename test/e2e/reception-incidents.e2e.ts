import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { AuthPage } from './pages/auth.page'
import { ReceptionPage } from './pages/reception.page'
import { ShellPage } from './pages/shell.page'
import { StaffAdminPage } from './pages/staff.page'
import { axeViolations } from './support/axe'
import { newContext, phone, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin, desk as deskUser, manager } from './support/org-setup'
import { connectedDeskTablet } from './support/tablets'
import type { RunningLobbyServer } from '../support/lobby-server'

const mondayMorning = new Date('2026-12-07T10:00:00+08:00')
const host = { name: '孙主任', username: 'sun.host', passphrase: 'quiet rooms upstairs all day' }
const colleague = { name: '钱前台', username: 'qian.desk', passphrase: 'another desk by the window' }
const visitor = { phone: '13812345678', name: '张伟明', organisation: '华东水务', purpose: '送桶装水' }
const note = '三楼走廊未佩戴访客证'

/** A staff member's first sign-in on their own fresh device, with the setup code the admin gave them; synced. */
async function joins(env: { browser: Parameters<typeof newContext>[0]; lobby: RunningLobbyServer }, who: { username: string; passphrase: string }, code: string, viewport: { width: number; height: number } = tablet) {
  const context = await newContext(env.browser, { viewport })
  await context.clock.setFixedTime(mondayMorning)
  const page = await context.newPage()
  const auth = new AuthPage(page, env.lobby.url)
  await auth.join(who.username, code)
  await auth.completeFirstSignIn(who.passphrase)
  const shell = new ShellPage(page, env.lobby.url)
  await shell.syncNow()
  return { context, page, auth, shell }
}

/** The admin, back on the desk tablet, creates two more accounts (the host, an agent; another front-desk user). */
async function moreStaff(page: Page, auth: AuthPage, lobby: RunningLobbyServer, adminUser: { username: string; passphrase: string }) {
  await auth.signOut()
  await auth.signIn(adminUser.username, adminUser.passphrase)
  await page.getByTestId('signed-in-as').waitFor()
  await auth.go('/staff')
  const staff = new StaffAdminPage(page)
  const hostCode = await staff.create({ ...host, role: 'agent' })
  const colleagueCode = await staff.create({ ...colleague, role: 'frontdesk' })
  await new ShellPage(page, lobby.url).syncNow()
  await auth.signOut()
  await auth.signIn(deskUser.username, deskUser.passphrase)
  await page.getByTestId('signed-in-as').waitFor()
  return { hostCode, colleagueCode }
}

describe('REC-7: "seen without a badge" is an incident against the host, for the managers and the host only', () => {
  const env = withLobby({ serverPerTest: true })

  it('REC-7: the desk records it; the manager sees step 1, verbal warning and ¥50.00; the host sees it on their device; another desk user sees nothing', { timeout: 420_000 }, async () => {
    const desk = await newContext(env.browser)
    await desk.clock.setFixedTime(mondayMorning)
    const page = await desk.newPage()
    const { auth, managerCode } = await connectedDeskTablet(page, env.lobby, { manager })
    const { hostCode, colleagueCode } = await moreStaff(page, auth, env.lobby, admin)

    // The host signs in once on their phone (certified keys: an incident can be sealed to them).
    const hostDevice = await joins(env, host, hostCode, phone)

    // The desk registers the host's visitor, then sees them in the corridor without their badge.
    const shell = new ShellPage(page, env.lobby.url)
    await shell.syncNow()
    await auth.go('/reception')
    const reception = new ReceptionPage(page)
    await reception.lookUp(visitor.phone)
    await reception.fill({ ...visitor, category: 'supplier', host: host.name })
    await reception.submit()
    await reception.tab('in-building')
    const row = page.getByTestId('in-building-row').filter({ hasText: '张**' })
    await row.getByTestId('visit-no-badge').click()
    await row.getByTestId('no-badge-note').fill(note)
    expect(await axeViolations(page), 'in-building with the no-badge form open').toEqual([])
    await row.getByTestId('no-badge-submit').click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: host.name }).count()).toBe(1)
    await shell.syncNow()

    // The manager, on their own tablet: the host at step 1 of the no-badge ladder, verbal warning and fine, ¥50.00.
    const mgr = await joins(env, manager, managerCode!)
    await mgr.auth.go('/reception/my-incidents')
    await mgr.page.getByTestId('incidents-all-link').click()
    await mgr.page.waitForURL((u) => u.pathname === '/reception/incidents')
    const hostRow = mgr.page.getByTestId('incidents-row').filter({ hasText: host.name })
    await hostRow.waitFor({ timeout: 30_000 })
    const standing = hostRow.getByTestId('incident-standing')
    expect(await standing.getAttribute('data-kind')).toBe('no-badge')
    expect(await standing.textContent()).toMatch(/第 1 档（共 2 档）：口头警告, 罚款/)
    expect(await standing.getByTestId('incident-fine').textContent()).toBe('¥50.00')
    expect(await hostRow.textContent()).toContain(note)
    // Axe-clean in both languages, at tablet and phone size.
    for (const viewport of [tablet, phone]) {
      await mgr.page.setViewportSize(viewport)
      for (const lang of ['zh-CN', 'en'] as const) {
        await mgr.shell.switchLanguage(lang)
        expect(await axeViolations(mgr.page)).toEqual([])
      }
    }
    expect(await standing.textContent()).toMatch(/Step 1 of 2: verbal warning, fine/)

    // The host, on their phone: their own incident, the same step and fine.
    await hostDevice.shell.syncNow()
    await hostDevice.auth.go('/reception/my-incidents')
    await hostDevice.page.getByTestId('my-incidents').waitFor({ timeout: 30_000 })
    expect(await hostDevice.page.getByTestId('incident-fine').textContent()).toBe('¥50.00')
    expect(await hostDevice.page.getByTestId('my-incidents').textContent()).toContain(`2026-12-07：${note}`)
    expect(await axeViolations(hostDevice.page)).toEqual([])

    // Another front-desk user: nothing of it on their own incidents page, and the managers' page refused.
    const other = await joins(env, colleague, colleagueCode)
    await other.auth.go('/reception/my-incidents')
    await other.page.getByTestId('my-incidents-none').waitFor()
    expect(await other.page.content()).not.toContain(note)
    // …and no way to the managers' page.
    expect(await other.page.getByTestId('incidents-all-link').count()).toBe(0)

    for (const c of [other.context, mgr.context, hostDevice.context, desk]) await c.close()
  })
})
