import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { artifactPath } from '../support/artifacts'
import { ReceptionPage } from './pages/reception.page'
import { axeViolations } from './support/axe'
import { newContext, phone, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin, desk, manager, orgWithStaff } from './support/org-setup'

// Set LOBBY_E2E_SCREENSHOTS=1 to keep a picture of the page at each size and language, under artifacts/screenshots/.
const screenshots = process.env.LOBBY_E2E_SCREENSHOTS === '1'
const visitor = { phone: '13812345678', name: '张伟明', organisation: '华东水务', purpose: '送桶装水' }

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)

async function axeCleanIn(page: Page, name: string) {
  expect(await axeViolations(page), name).toEqual([])
  expect(await fitsWidth(page), name).toBe(true)
  if (screenshots) await page.screenshot({ path: artifactPath(`screenshots/reception-settings-${name}.png`), fullPage: true })
}

describe('reception settings: a manager edits the REC-2 table, the acknowledgement minutes and the REC-7 ladders', () => {
  const env = withLobby()

  it('refuses the front desk; a manager changes a category’s suggestion and the minutes, the desk suggests the new values; axe clean at tablet and phone sizes in both languages', async () => {
    const context = await newContext(env.browser, { viewport: tablet })
    const page = await context.newPage()
    const { auth, managerCode } = await orgWithStaff(page, env.lobby.url, { manager: true })

    // CONF-3: the front desk is offered no settings tab, and typing the address is refused.
    await auth.go('/reception')
    await page.getByTestId('reception-tab-register').waitFor()
    expect(await page.getByTestId('reception-tab-settings').count()).toBe(0)
    await page.goto(`${env.lobby.url}/reception/settings`)
    await auth.signIn(desk.username, desk.passphrase)
    const refusal = page.getByTestId('forbidden')
    await refusal.waitFor({ timeout: 30_000 })
    expect(await refusal.textContent()).toContain('/reception/settings')
    expect(await page.getByTestId('reception-settings-form').count()).toBe(0)

    await auth.signOut()
    await auth.signIn(manager.username, managerCode!)
    await auth.completeFirstSignIn(manager.passphrase)
    await auth.go('/reception')
    await page.getByTestId('reception-tab-settings').click()
    await page.waitForURL((u) => u.pathname === '/reception/settings')
    const form = page.getByTestId('reception-settings-form')
    await form.waitFor()
    // REC-2, REC-3: the defaults, stored when the organisation was founded.
    expect(await page.getByTestId('ack-minutes').inputValue()).toBe('5')
    expect(await page.getByTestId('settings-status').textContent()).toMatch(/已是最新/)

    await axeCleanIn(page, 'tablet-zh-CN')
    await auth.switchLanguage('en')
    await axeCleanIn(page, 'tablet-en')
    await page.setViewportSize(phone)
    await axeCleanIn(page, 'phone-en')
    await auth.switchLanguage('zh-CN')
    await axeCleanIn(page, 'phone-zh-CN')
    await page.setViewportSize(tablet)

    // REC-3: a minute count out of range is named next to its field, and nothing is saved.
    const supplier = page.getByTestId('category-supplier')
    await supplier.getByTestId('category-place').selectOption('meeting-room')
    await supplier.getByTestId('category-hospitality').selectOption('coffee-drinks-tea')
    await page.getByTestId('ack-minutes').fill('0')
    await page.getByTestId('settings-save').click()
    await page.getByTestId('settings-summary').waitFor()
    expect(await page.getByTestId('problem-ackMinutes').textContent()).toContain('1 到 120')
    expect(await page.getByTestId('ack-minutes').getAttribute('aria-invalid')).toBe('true')
    expect(await axeViolations(page)).toEqual([])
    if (screenshots) await page.screenshot({ path: artifactPath('screenshots/reception-settings-problem.png') })

    await page.getByTestId('ack-minutes').fill('3')
    expect(await page.getByTestId('problem-ackMinutes').count()).toBe(0)
    await page.getByTestId('settings-save').click()
    await expect.poll(() => page.getByTestId('settings-status').textContent()).toMatch(/已保存/)

    // REC-2: the register page suggests the supplier's new place and what to offer.
    await page.getByTestId('reception-tab-register').click()
    await page.waitForURL((u) => u.pathname === '/reception')
    const reception = new ReceptionPage(page)
    await reception.lookUp(visitor.phone)
    await reception.fill({ ...visitor, category: 'supplier', host: admin.name })
    expect(await reception.suggestion()).toMatchObject({ level: '普通规格', place: '会议室', offered: '咖啡、饮料或茶' })

    // Read back from storage when the page opens again: the minutes and the row as saved.
    await page.getByTestId('reception-tab-settings').click()
    await form.waitFor()
    expect(await page.getByTestId('ack-minutes').inputValue()).toBe('3')
    expect(await page.getByTestId('category-supplier').getByTestId('category-hospitality').inputValue()).toBe('coffee-drinks-tea')
    await context.close()
  })
})
