import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { AuthPage } from './pages/auth.page'
import { MembershipSettingsPage } from './pages/membership-settings.page'
import { newContext, phone, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { desk, manager, orgWithStaff } from './support/org-setup'
import { artifactPath } from '../support/artifacts'

const holiday = { from: '2026-10-01', to: '2026-10-07', note: '国庆' }
// Set LOBBY_E2E_SCREENSHOTS=1 to keep a picture of the page at each size, under artifacts/screenshots/.
const screenshots = process.env.LOBBY_E2E_SCREENSHOTS === '1'

/** An organisation with a desk user and a manager; ends with the manager signed in for the first time. */
async function signedInManager(page: Page, baseUrl: string): Promise<AuthPage> {
  const { auth, managerCode } = await orgWithStaff(page, baseUrl, { manager: true })
  await auth.signOut()
  await auth.signIn(manager.username, managerCode!)
  await auth.completeFirstSignIn(manager.passphrase)
  return auth
}

async function signInAgain(auth: AuthPage): Promise<void> {
  await auth.signOut()
  await auth.signIn(manager.username, manager.passphrase)
  await auth.page.getByTestId('signed-in-as').waitFor({ timeout: 60_000 })
}

describe('membership settings: a manager changes tiers, prices and the calendar (MEM-1, MEM-2, MEM-4, MEM-10)', () => {
  const env = withLobby()

  it('shows the MEM-1 defaults with the real yearly saving, saves a new monthly price and a closed holiday, and they are there after signing in again', async () => {
    const context = await newContext(env.browser, { viewport: tablet })
    const page = await context.newPage()
    const auth = await signedInManager(page, env.lobby.url)
    const settings = new MembershipSettingsPage(page)
    await settings.open(auth)

    // MEM-1 defaults: VIP yearly 9600.00, at most 4 VIPs, and the saving against 12 × 960.00 = 11,520.00.
    expect(await settings.price('vip', 'year').inputValue()).toBe('9600.00')
    expect(await settings.cap('vip').inputValue()).toBe('4')
    expect(await settings.saving('vip', 'year').textContent()).toContain('1,920.00')
    expect(await settings.saving('vip', 'year').textContent()).toContain('11,520.00')
    expect(await page.getByTestId('price-change-note').textContent()).toMatch(/新付款|new payments/)
    if (screenshots) await page.screenshot({ path: artifactPath('screenshots/membership-settings-tablet.png'), fullPage: true })
    expect(await settings.fitsWidth()).toBe(true)

    await settings.setPrice('ordinary', 'month', '120')
    expect(await settings.price('ordinary', 'month').inputValue()).toBe('120.00') // tidied once the field is left
    await settings.addClosedHoliday(holiday)
    // MEM-8: days a card of a replaced card key is still admitted: 30 by default, a manager's setting.
    expect(await page.getByTestId('card-grace-days').inputValue()).toBe('30')
    await page.getByTestId('card-grace-days').fill('14')
    expect(await settings.status().getAttribute('data-dirty')).toBe('true')
    await settings.saveAndWait()
    expect(await settings.status().getAttribute('data-dirty')).toBe('false')

    await signInAgain(auth)
    await settings.open(auth)
    expect(await settings.price('ordinary', 'month').inputValue()).toBe('120.00')
    expect(await page.getByTestId('card-grace-days').inputValue()).toBe('14')
    expect(await settings.overrides().count()).toBe(1)
    const saved = settings.overrides().first()
    expect(await saved.getByTestId('override-from').inputValue()).toBe(holiday.from)
    expect(await saved.getByTestId('override-to').inputValue()).toBe(holiday.to)
    expect(await saved.getByTestId('override-closed').isChecked()).toBe(true)
    expect(await saved.getByTestId('override-note').inputValue()).toBe(holiday.note)
    await context.close()
  })

  it('refuses a bad price with the problem next to the field and a summary, and stores nothing (phone)', async () => {
    const context = await newContext(env.browser, { viewport: phone })
    const page = await context.newPage()
    const auth = await signedInManager(page, env.lobby.url)
    const settings = new MembershipSettingsPage(page)
    await settings.open(auth)
    expect(await settings.fitsWidth()).toBe(true)
    if (screenshots) await page.screenshot({ path: artifactPath('screenshots/membership-settings-phone.png'), fullPage: true })

    await settings.setPrice('vip', 'year', '12.345')
    await settings.setPrice('ordinary', 'month', '-1')
    await settings.save()
    await settings.summary().waitFor()
    expect(await settings.summary().getAttribute('role')).toBe('alert')
    expect(await settings.problemAt('tiers.1.prices.year').textContent()).toMatch(/两位小数|two decimals/)
    expect(await settings.problemAt('tiers.0.prices.month').textContent()).toMatch(/负数|negative/)
    expect(await settings.price('vip', 'year').getAttribute('aria-invalid')).toBe('true')
    // The draft is kept as typed, for fixing.
    expect(await settings.price('vip', 'year').inputValue()).toBe('12.345')
    expect(await settings.status().textContent()).not.toMatch(/已保存|Saved/)
    if (screenshots) await page.screenshot({ path: artifactPath('screenshots/membership-settings-phone-problems.png'), fullPage: true })
    expect(await settings.fitsWidth()).toBe(true)

    // Fixing one field clears its problem at once; the other stays.
    await settings.setPrice('ordinary', 'month', '100.00')
    expect(await settings.problemAt('tiers.0.prices.month').count()).toBe(0)
    expect(await settings.problemAt('tiers.1.prices.year').count()).toBe(1)

    // Nothing reached storage: after signing in again the listed prices are the defaults.
    await signInAgain(auth)
    await settings.open(auth)
    expect(await settings.price('vip', 'year').inputValue()).toBe('9600.00')
    expect(await settings.price('ordinary', 'month').inputValue()).toBe('100.00')
    await context.close()
  })

  it('keeps an unsaved draft across leaving the page and a screen lock; a new tier is added, and removed only after confirming', async () => {
    const context = await newContext(env.browser, { viewport: tablet })
    const page = await context.newPage()
    const auth = await signedInManager(page, env.lobby.url)
    const settings = new MembershipSettingsPage(page)
    await settings.open(auth)
    await settings.setPrice('vip', 'month', '999.00')

    await auth.go('/audit')
    await settings.open(auth)
    expect(await settings.price('vip', 'month').inputValue()).toBe('999.00')
    await page.getByTestId('lock-button').click()
    await auth.lockScreen().waitFor()
    await auth.unlock(manager.passphrase)
    await settings.form().waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('draft-restored').isVisible()).toBe(true)
    expect(await settings.price('vip', 'month').inputValue()).toBe('999.00')

    await page.getByTestId('tier-add').click()
    expect(await page.getByTestId('tier-card').count()).toBe(3)
    await page.getByTestId('tier-card').nth(2).getByTestId('tier-remove').click()
    await page.getByTestId('tier-remove-no').click() // changed their mind: still there
    expect(await page.getByTestId('tier-card').count()).toBe(3)
    await page.getByTestId('tier-card').nth(2).getByTestId('tier-remove').click()
    await page.getByTestId('tier-remove-yes').click()
    expect(await page.getByTestId('tier-card').count()).toBe(2)
    await settings.saveAndWait()
    expect(await settings.saving('vip', 'year').textContent()).toContain('11,988.00') // 12 × 999.00
    await context.close()
  })

  it('refuses a front-desk user who types /manage/membership (CONF-3)', async () => {
    const context = await newContext(env.browser)
    const page = await context.newPage()
    const { auth } = await orgWithStaff(page, env.lobby.url)
    expect(await page.locator('nav a[href="/manage/membership"]').count()).toBe(0) // not offered…
    await page.goto(`${env.lobby.url}/manage/membership`) // …and typed by hand: a fresh load asks who it is first
    await auth.signIn(desk.username, desk.passphrase)
    const refusal = page.getByTestId('forbidden')
    await refusal.waitFor({ timeout: 30_000 })
    expect(await refusal.textContent()).toContain('/manage/membership')
    expect(await page.getByTestId('membership-settings-form').count()).toBe(0)
    await context.close()
  })
})
