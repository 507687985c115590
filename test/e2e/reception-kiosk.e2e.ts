/**
 * Issue 11 §8 and REC-1, REC-6: the register page as a kiosk, turned to the visitor (privacy mode: nothing of
 * other visitors), an expected visitor called off, and the in-building list following another tablet by sync.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { artifactPath } from '../support/artifacts'
import { AuthPage } from './pages/auth.page'
import { ReceptionPage } from './pages/reception.page'
import { ShellPage } from './pages/shell.page'
import { axeViolations } from './support/axe'
import { newContext, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin, desk as deskUser } from './support/org-setup'
import { connectedDeskTablet } from './support/tablets'

const mondayMorning = new Date('2026-12-07T10:00:00+08:00')
const supplier = { phone: '13812345678', name: '张伟明', organisation: '华东水务', purpose: '送桶装水' }
const reporter = { phone: '13698765432', name: '周记者', organisation: '晨报', purpose: '采访校庆' }
const cancelled = { phone: '13700001111', name: '陈取消', purpose: '参观' }
const stillComing = { phone: '13700002222', name: '何会来', purpose: '面谈' }
const newcomer = { phone: '13500003333', name: '吴新来', organisation: '东方物流', purpose: '送货' }
const walkIn = { phone: '13900004444', name: '郑自填' }
// What must never show while the tablet is turned to the visitor: the others, in full or masked.
const othersShown = [supplier.name, '张**', reporter.name, '周**', '华**', '晨*', stillComing.name, '何**', admin.name]

async function register(desk: ReceptionPage, v: { phone: string; name: string; organisation: string; purpose: string }, category: string) {
  await desk.lookUp(v.phone)
  await desk.fill({ ...v, category, host: admin.name })
  await desk.submit()
}

async function preRegister(page: Page, v: { phone: string; name: string; purpose: string }, appointmentTime?: string) {
  await page.getByTestId('pre-register-name').fill(v.name)
  await page.getByTestId('pre-register-phone').fill(v.phone)
  await page.getByTestId('pre-register-category').selectOption('supplier')
  await page.getByTestId('pre-register-purpose').fill(v.purpose)
  await page.getByTestId('host-search').fill(admin.name)
  await page.getByTestId('host-picker').getByLabel(admin.name).check()
  if (appointmentTime) await page.getByTestId('pre-register-appointment').fill(appointmentTime)
  await page.getByTestId('pre-register-save').click()
  // The list is read again after the save; a loaded CI machine takes more than the poll's default second.
  await expect.poll(() => page.getByTestId('expected-row').filter({ hasText: `${v.name.slice(0, 1)}**` }).count(), { timeout: 10_000 }).toBe(1)
}

/** The smallest height of the page's buttons and fields (the kiosk's large targets). */
const smallestTarget = (page: Page) =>
  page.locator('#main').evaluate((main) => Math.min(...[...main.querySelectorAll('.btn, .text-input')].map((el) => el.getBoundingClientRect().height)))

describe('the reception kiosk (issue 11 §8), calling off an expected visitor (REC-1), lists that follow sync (REC-6)', () => {
  const env = withLobby({ serverPerTest: true })

  it('kiosk mode with a visitor-facing privacy mode the desk ends with its passphrase; a visit called off leaves the list; another tablet’s visit shows after sync', async () => {
    const a = await newContext(env.browser, { viewport: tablet })
    await a.clock.setFixedTime(mondayMorning)
    const page = await a.newPage()
    const { auth } = await connectedDeskTablet(page, env.lobby)
    const shell = new ShellPage(page, env.lobby.url)
    await auth.go('/reception')
    const desk = new ReceptionPage(page)

    // Two visitors in the building.
    await register(desk, supplier, 'supplier')
    await register(desk, reporter, 'media')
    await desk.tab('in-building')
    await expect.poll(async () => (await desk.inBuilding()).sort()).toEqual(['周**', '张**'].sort())

    // REC-1: two expected; one is called off (after a confirmation) and leaves today's list, the other stays.
    await desk.tab('expected')
    await preRegister(page, cancelled)
    await preRegister(page, stillComing, '15:00') // REC-1: an appointment, shown on today's list
    expect(await page.getByTestId('expected-row').filter({ hasText: '何**' }).textContent()).toContain('预约 15:00')
    const row = page.getByTestId('expected-row').filter({ hasText: '陈**' })
    await row.getByTestId('expected-call-off').click()
    await page.getByTestId('expected-call-off-no').click()
    expect(await page.getByTestId('expected-row').count()).toBe(2)
    await row.getByTestId('expected-call-off').click()
    await page.getByTestId('expected-call-off-yes').click()
    await expect.poll(() => page.getByTestId('expected-row').allTextContents()).toEqual([expect.stringContaining('何**')])
    // The list drops the row as the call-off is stored; the page says so once the action has returned.
    await expect.poll(() => page.getByRole('status').filter({ hasText: '陈**' }).count()).toBe(1)

    // Kiosk mode: the address says so (an unlock comes back to it) and every target is at least 56px high.
    await desk.tab('register')
    await page.getByTestId('reception-kiosk-toggle').click()
    await page.waitForURL((u) => u.searchParams.get('kiosk') === '1')
    await desk.lookUp(supplier.phone) // the returning visitor's form, with all its fields and buttons
    expect(await smallestTarget(page)).toBeGreaterThanOrEqual(56)
    for (const locale of ['en', 'zh-CN'] as const) {
      await shell.switchLanguage(locale)
      expect(await axeViolations(page), `kiosk ${locale}`).toEqual([])
    }
    await page.getByTestId('reception-phone').fill('')

    // Privacy mode: the visitor types their own details; nothing of the other visitors shows, nor a way off the page.
    await page.getByTestId('reception-privacy-on').click()
    await page.getByTestId('reception-privacy').waitFor()
    await page.getByTestId('reception-visitor-phone').fill(walkIn.phone)
    await page.getByTestId('reception-visitor-name').fill(walkIn.name)
    await page.locator('a.brand').click()
    expect(new URL(page.url()).pathname).toBe('/reception')
    for (const locale of ['en', 'zh-CN'] as const) {
      await shell.switchLanguage(locale)
      const text = await page.locator('body').innerText()
      for (const other of othersShown) expect(text, `privacy mode (${locale}) shows ${other}`).not.toContain(other)
      expect(text).not.toMatch(/[\u4e00-\u9fff]\*\*/) // no masked name at all
      expect(await page.getByTestId('reception-tab-in-building').count()).toBe(0)
      expect(await axeViolations(page), `privacy ${locale}`).toEqual([])
      await page.screenshot({ path: artifactPath(`screenshots/reception-kiosk-privacy-${locale}.png`), fullPage: true })
    }

    // Taking the tablet back: a wrong secret keeps the visitor's screen; the desk user's passphrase ends it.
    await page.getByTestId('reception-take-back').click()
    await page.getByTestId('reception-take-back-secret').fill('not the passphrase')
    await page.getByTestId('reception-take-back-confirm').click()
    await page.locator('[data-testid=reception-take-back-form] [role=alert]').waitFor()
    expect(await page.getByTestId('reception-privacy').count()).toBe(1)
    await page.getByTestId('reception-take-back-secret').fill(deskUser.passphrase)
    await page.getByTestId('reception-take-back-confirm').click()
    await page.getByTestId('reception-privacy').waitFor({ state: 'detached', timeout: 30_000 })
    // What the visitor typed is the desk's to go on with.
    expect(await desk.lookUp(walkIn.phone)).toContain('新访客')
    expect(await page.getByTestId('reception-name').inputValue()).toBe(walkIn.name)
    await page.screenshot({ path: artifactPath('screenshots/reception-kiosk-zh-CN.png'), fullPage: true })

    // CONF-7 stays in force in the kiosk: left with the visitor, the tablet locks when idle; the PIN (here the
    // passphrase) brings the kiosk back, the privacy mode and what was typed in it gone with the lock.
    await page.getByTestId('reception-privacy-on').click()
    await page.getByTestId('reception-visitor-name').fill('锁前输入')
    await auth.idleUntil(a.clock, new Date(mondayMorning.getTime() + 5 * 60_000), deskUser.passphrase)
    await page.getByTestId('reception-kiosk-bar').waitFor()
    expect(new URL(page.url()).searchParams.get('kiosk')).toBe('1')
    expect(await page.getByTestId('reception-privacy').count()).toBe(0)
    expect(await page.locator('body').innerText()).not.toContain('锁前输入')

    // REC-6: the in-building list stays open here while a second tablet registers a visitor.
    await page.getByTestId('reception-kiosk-toggle').click()
    await desk.tab('in-building')
    await expect.poll(async () => (await desk.inBuilding()).length).toBe(2)
    const b = await newContext(env.browser, { viewport: tablet })
    await b.clock.setFixedTime(new Date(mondayMorning.getTime() + 60_000))
    const pageB = await b.newPage()
    const authB = new AuthPage(pageB, env.lobby.url)
    await authB.join(deskUser.username, deskUser.passphrase)
    await pageB.getByTestId('signed-in-as').waitFor({ timeout: 60_000 })
    await authB.syncNow() // the staff directory the host is picked from
    await authB.go('/reception')
    await register(new ReceptionPage(pageB), newcomer, 'supplier')
    await authB.syncNow()

    await page.bringToFront()
    await expect
      .poll(async () => {
        await shell.syncNow()
        return (await desk.inBuilding()).sort()
      }, { timeout: 30_000 })
      .toEqual(['吴**', '周**', '张**'].sort())
    expect(new URL(page.url()).pathname).toBe('/reception/in-building')
    await a.close()
    await b.close()
  })
})
