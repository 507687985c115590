import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactPath } from '../support/artifacts'
import { AuthPage } from './pages/auth.page'
import { OverviewPage } from './pages/overview.page'
import { ReturnVisitsPage } from './pages/return-visits.page'
import { ServiceReportsPage } from './pages/service-reports.page'
import { ShellPage } from './pages/shell.page'
import { StaffAdminPage } from './pages/staff.page'
import { axeEverywhere } from './support/axe-everywhere'
import { newContext, phone, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin, manager } from './support/org-setup'
import { seedLeadsDay } from './support/service-seed'

const lead = { name: '孙组长', username: 'sun.lead', passphrase: 'dispatch before the hour is out' }
// Monday 15 March 2027, 10:00 in Shanghai: last week's report is due at 18:00 today.
const monday = new Date('2027-03-15T10:00:00+08:00')

/**
 * Issue 15 §5, §7, §8 on real devices: the admin founds the organisation (connected to the sync server) and creates
 * a lead and a manager; the lead's day is written on a second device of the lead through the app's own records and
 * actions (support/service-seed.ts, hand-counted there) and synced; the lead's tablet and the manager's pull it.
 */
describe('return visits, the weekly report and the manager’s day (SVC-4, SVC-5, issue 15 §8)', () => {
  const env = withLobby()
  let leadContext: BrowserContext
  let page: Page
  let auth: AuthPage
  let shell: ShellPage
  let managerCode = ''
  let ids: Record<string, string> = {}

  beforeAll(async () => {
    leadContext = await newContext(env.browser, { viewport: tablet })
    await leadContext.clock.setFixedTime(monday)
    page = await leadContext.newPage()
    auth = new AuthPage(page, env.lobby.url)
    shell = new ShellPage(page, env.lobby.url)
    await auth.createOrganisation(admin)
    await auth.go('/settings')
    await page.getByTestId('server-admin-password').fill(env.lobby.adminPassword)
    await page.getByTestId('connect-submit').click()
    await page.getByTestId('connect-result').filter({ hasText: /已连接|Connected/ }).waitFor({ timeout: 30_000 })
    await auth.go('/staff')
    const staff = new StaffAdminPage(page)
    const leadCode = await staff.create({ name: lead.name, username: lead.username, role: 'lead' })
    managerCode = await staff.create({ ...manager, role: 'manager' })
    await shell.syncNow()
    await auth.signOut()
    await auth.signIn(lead.username, leadCode)
    await auth.completeFirstSignIn(lead.passphrase)
    await shell.syncNow()
    ;({ ids } = await seedLeadsDay(env.lobby.dbUrl, lead))
    await shell.syncNow()
  }, 240_000)

  afterAll(async () => {
    await leadContext?.close()
  })

  it('SVC-4: a return visit closes as unreachable after the set attempts (3), not before', async () => {
    await auth.go('/service/return-visits')
    const visits = new ReturnVisitsPage(page)
    await visits.waitForList()
    // The finished jobs waiting for their call: S (its 72 hours over) first, then R.
    expect(await visits.listed()).toEqual([ids.S, ids.R])
    expect(await visits.visit(ids.S!).getAttribute('data-overdue')).toBe('true')
    expect(await visits.visit(ids.S!).getByTestId('return-visit-clock').innerText()).toContain('已超时')
    expect(await visits.visit(ids.R!).getByTestId('return-visit-phone').innerText()).toBe('138****8000')
    await axeEverywhere(page, shell, 'return visits')
    await page.setViewportSize(phone)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await page.screenshot({ path: artifactPath('e2e/return-visits-phone.png'), fullPage: true })
    await page.setViewportSize(tablet)

    expect(await visits.logCall(ids.R!, 'no-answer')).toBe('已记录回访电话。')
    expect(await visits.logCall(ids.R!, 'no-answer')).toBe('已记录回访电话。')
    expect(await visits.attemptsText(ids.R!)).toBe('无人接听 2 次（共需 3 次）：满 3 次后可按无法联系结束。')
    expect(await visits.visit(ids.R!).getByTestId('return-visit-close').count()).toBe(0)
    await visits.logCall(ids.R!, 'no-answer')
    await page.screenshot({ path: artifactPath('e2e/return-visits-unreachable.png'), fullPage: true })
    expect(await visits.closeUnreachable(ids.R!)).toBe('已按无法联系结束回访。')
    expect(await visits.listed()).toEqual([ids.S])
    await shell.syncNow()
  })

  it("SVC-5: the weekly report's counts equal the seeded data, with its due time; the day's counts too", async () => {
    await auth.go('/service/reports')
    const reports = new ServiceReportsPage(page)
    expect(await reports.dailyCounts('2027-03-12')).toEqual({ received: '2', enquiries: '1', complaints: '1', 'kind-a': '1', 'kind-b': '0', 'kind-c': '0', 'kind-d': '0' })
    const week = await reports.weekly('2027-03-08')
    expect(week).toEqual({
      completed: '4', returnVisited: '1', unreachable: '2', rate: '25%', responses: '2', average: '4.0',
      overdueDispatches: '2', lateReturnVisits: '2', slaBreaches: '4',
    })
    expect(await reports.satisfaction()).toEqual({ 1: '0', 2: '0', 3: '1', 4: '0', 5: '1' })
    expect(await reports.receivedByDay()).toEqual({
      '2027-03-08': '1', '2027-03-09': '1', '2027-03-10': '0', '2027-03-11': '1', '2027-03-12': '2', '2027-03-13': '1', '2027-03-14': '0',
    })
    expect(await reports.dueLine()).toMatch(/^本周已结束。报告须于 .*18:00 前提交。$/)
    expect(await reports.chartsDrawn()).toBe(3)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('nav').first().isVisible()).toBe(false)
    expect(await page.getByTestId('report-weekly-table').isVisible()).toBe(true)
    await page.screenshot({ path: artifactPath('e2e/service-report-print.png'), fullPage: true })
    await page.emulateMedia({ media: 'screen' })
    await axeEverywhere(page, shell, 'service reports')
    await page.setViewportSize(phone)
    // On a phone the charts fit the screen once they have followed its width: nothing scrolls sideways.
    await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, undefined, { timeout: 10_000 })
    await page.screenshot({ path: artifactPath('e2e/service-reports-phone.png'), fullPage: true })
    await page.setViewportSize(tablet)
  })

  it("issue 15 §8: the manager's home shows today's figures and each opens its list", async () => {
    const context = await newContext(env.browser, { viewport: tablet })
    await context.clock.setFixedTime(monday)
    const managerPage = await context.newPage()
    const managerAuth = new AuthPage(managerPage, env.lobby.url)
    await managerAuth.join(manager.username, managerCode)
    await managerAuth.completeFirstSignIn(manager.passphrase)
    const managerShell = new ShellPage(managerPage, env.lobby.url)
    await managerShell.syncNow(120_000)
    const overview = new OverviewPage(managerPage)
    // The first figures may be read before the first pull has brought every desk's records: read again until it has.
    let figures = await overview.figures()
    await expect
      .poll(async () => ({ ...(figures = await overview.refresh()), devices: undefined }), { timeout: 60_000 })
      .toEqual({ visitors: '1', 'members-in': '1', ending: '1', arrears: '1', dunning: '1', complaints: '2', 'return-visits': '1', devices: undefined })
    expect(figures.devices).toMatch(/^\d+ \/ \d+$/)
    expect(await overview.note('complaints')).toBe('其中 1 单已超过 60 分钟')
    expect(await overview.note('return-visits')).toBe('其中 1 单已超过 72 小时')
    // Every device of the organisation: the admin's, the lead's two, the manager's (this one).
    expect((await overview.deviceRows()).length).toBeGreaterThanOrEqual(4)
    await managerPage.screenshot({ path: artifactPath('e2e/manager-home.png'), fullPage: true })
    await axeEverywhere(managerPage, managerShell, "the manager's home")
    await managerShell.switchLanguage('en')
    await managerPage.setViewportSize(phone)
    expect(await managerPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await managerPage.screenshot({ path: artifactPath('e2e/manager-home-phone.png'), fullPage: true })
    await managerPage.setViewportSize(tablet)

    const lists: Record<string, string> = {
      visitors: '/reception/in-building', 'members-in': '/checkin', ending: '/checkin', arrears: '/broadband/worklist', dunning: '/broadband/worklist',
      complaints: '/service/queue', 'return-visits': '/service/return-visits', devices: '/devices',
    }
    for (const key of OverviewPage.figures) {
      expect(await overview.open(key), key).toBe(lists[key])
      await managerPage.goBack()
      await managerPage.waitForURL((u) => u.pathname === '/')
      await managerPage.getByTestId(`overview-${key}`).waitFor()
    }
    await context.close()
  })
})
