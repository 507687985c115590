/** REC-5: the desk sends a visitor to the teaching/academic area; the principal approves on their own device. */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { artifactPath } from '../support/artifacts'
import { AuthPage } from './pages/auth.page'
import { ReceptionPage } from './pages/reception.page'
import { ShellPage } from './pages/shell.page'
import { axeViolations } from './support/axe'
import { newContext, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin, manager } from './support/org-setup'
import { connectedDeskTablet } from './support/tablets'

const mondayMorning = new Date('2026-12-07T10:00:00+08:00')
const visitor = { phone: '13712345678', name: '孙听课', organisation: '华东师大', purpose: '听课交流' }

/** The in-building page afresh (its list is read when it opens), after a sync round. */
async function inBuildingAfterSync(page: Page, url: string) {
  await new ShellPage(page, url).syncNow()
  const desk = new ReceptionPage(page)
  await desk.tab('register')
  await desk.tab('in-building')
  await desk.inBuilding()
}

const status = (page: Page) => page.getByTestId('in-building-row').getByTestId('visit-approval-status').allTextContents()

describe('the principal’s approval for the restricted area (REC-5), desk and principal on two devices', () => {
  const env = withLobby({ serverPerTest: true })

  it('the desk registers an academic-area visit (waiting); the manager approves on their device; after sync the desk sees who approved and when', async () => {
    const a = await newContext(env.browser, { viewport: tablet })
    await a.clock.setFixedTime(mondayMorning)
    const pageA = await a.newPage()
    const { auth, managerCode } = await connectedDeskTablet(pageA, env.lobby, { manager })
    await auth.go('/reception')
    const desk = new ReceptionPage(pageA)
    await desk.lookUp(visitor.phone)
    await desk.fill({ ...visitor, category: 'supplier', host: admin.name })
    await pageA.getByTestId('suggestion-change').click()
    await pageA.getByTestId('suggestion-change-form').locator('select').nth(1).selectOption('academic-area')
    await pageA.getByTestId('suggestion-reason').fill('校长邀请听课')
    await desk.submit()
    // The approval status follows the saved visit (a saved visit never waits on the day's lists).
    await expect.poll(() => pageA.getByTestId('reception-registered').textContent()).toContain('等待校长批准')
    await desk.tab('in-building')
    await expect.poll(() => status(pageA)).toEqual(['等待校长批准'])
    // REC-5: while the visit waits, the list offers no badge to print.
    expect(await pageA.getByTestId('visit-badge-open').count()).toBe(0)
    // The desk is no principal: it has no list to approve from.
    expect(await pageA.getByTestId('reception-approvals').count()).toBe(0)
    await new ShellPage(pageA, env.lobby.url).syncNow()

    // The manager joins on their own tablet with their one-time code.
    const b = await newContext(env.browser, { viewport: tablet })
    await b.clock.setFixedTime(new Date(mondayMorning.getTime() + 5 * 60_000))
    const pageB = await b.newPage()
    const authB = new AuthPage(pageB, env.lobby.url)
    await authB.join(manager.username, managerCode!)
    await authB.completeFirstSignIn(manager.passphrase)
    await authB.go('/reception')
    await expect
      .poll(async () => {
        await inBuildingAfterSync(pageB, env.lobby.url)
        return pageB.getByTestId('approval-row').count()
      }, { timeout: 60_000 })
      .toBe(1)
    expect(await pageB.getByTestId('approval-row').textContent()).toContain('孙**')
    expect(await pageB.getByTestId('approval-row').textContent()).not.toContain(visitor.name)

    // Axe on what the principal sees, both languages.
    const shellB = new ShellPage(pageB, env.lobby.url)
    for (const locale of ['en', 'zh-CN'] as const) {
      await shellB.switchLanguage(locale)
      await pageB.getByTestId('approval-row').waitFor()
      expect(await axeViolations(pageB), `approvals ${locale}`).toEqual([])
      await pageB.screenshot({ path: artifactPath(`screenshots/reception-approvals-${locale}.png`), fullPage: true })
    }
    await pageB.getByTestId('visit-approve').click()
    await expect.poll(() => pageB.getByTestId('approvals-none').count()).toBe(1)
    await expect.poll(() => status(pageB)).toEqual([expect.stringContaining(`已由 ${manager.name} 于`)])
    await shellB.syncNow()

    // The desk, after sync: approved by the manager, at 10:05.
    await pageA.bringToFront()
    await expect
      .poll(async () => {
        await inBuildingAfterSync(pageA, env.lobby.url)
        return status(pageA)
      }, { timeout: 60_000 })
      .toEqual([`已由 ${manager.name} 于 10:05 批准`])
    const shellA = new ShellPage(pageA, env.lobby.url)
    for (const locale of ['en', 'zh-CN'] as const) {
      await shellA.switchLanguage(locale)
      await pageA.getByTestId('visit-approval-status').waitFor()
      if (locale === 'en') expect(await status(pageA)).toEqual([`Approved by ${manager.name} at 10:05`])
      expect(await axeViolations(pageA), `desk ${locale}`).toEqual([])
      await pageA.screenshot({ path: artifactPath(`screenshots/reception-approved-${locale}.png`), fullPage: true })
    }

    // REC-5: the approval has reached the desk: the visitor's badge prints, its QR drawn (as in reception-badge.e2e.ts).
    await pageA.getByTestId('visit-badge-open').click()
    const qr = await desk.badgeShown()
    expect(qr).toMatch(/^LBV1\.visit:[^.]+\.\d+\.1\./)
    expect(Number(qr.split('.')[2])).toBeGreaterThan(mondayMorning.getTime() + 5 * 60_000)
    expect(await pageA.getByTestId('badge-name').textContent()).toBe(visitor.name)
    expect(await axeViolations(pageA), 'approved visit’s badge').toEqual([])
    expect(await desk.printBadge()).toBe(1)
    await pageA.emulateMedia({ media: 'print' })
    expect(await pageA.getByTestId('visitor-badge').isVisible()).toBe(true)
    expect(await pageA.getByTestId('visitor-badge-qr').locator('svg').count()).toBe(1)
    expect(await pageA.getByTestId('in-building').isVisible()).toBe(false)
    await pageA.screenshot({ path: artifactPath('screenshots/reception-approved-badge-print.png') })
    await pageA.emulateMedia({ media: 'screen' })

    // CONF-6: the approval is in the manager's audit log, under the words the reception module gives the action.
    await authB.go('/audit')
    await pageB.getByTestId('audit-filter-action').selectOption('reception.approve')
    const rows = pageB.getByTestId('audit-table').locator('tbody tr')
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1)
    for (const [locale, words] of [['zh-CN', '校长批准访客进入限制区域'], ['en', 'Principal approved a visit to a restricted area']] as const) {
      await shellB.switchLanguage(locale)
      await expect.poll(() => rows.first().textContent()).toContain(words)
      expect(await pageB.getByTestId('audit-filter-action').locator('option:checked').textContent()).toBe(words)
    }
    await a.close()
    await b.close()
  })
})
