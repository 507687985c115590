import { describe, expect, it } from 'vitest'
import { AuthPage } from './pages/auth.page'
import { CheckinPage } from './pages/checkin.page'
import { MembersPage } from './pages/members.page'
import { PeoplePage } from './pages/people.page'
import { ShellPage } from './pages/shell.page'
import { StaffAdminPage } from './pages/staff.page'
import { admin, desk, manager } from './support/org-setup'
import { axeViolations } from './support/axe'
import { newContext, phone, tablet } from './support/chromium'
import { withLobby } from './support/fixture'

const pages = ['/', '/diagnostics', '/settings'] as const
const viewports = { tablet, phone } as const

describe('a11y: axe-core finds no WCAG 2.1 AA violations', () => {
  const env = withLobby()

  for (const [name, viewport] of Object.entries(viewports)) {
    for (const locale of ['zh-CN', 'en'] as const) {
      it(`on ${pages.join(', ')} at ${viewport.width}×${viewport.height} (${name}, ${locale})`, async () => {
        const context = await newContext(env.browser, { viewport, locale })
        const page = await context.newPage()
        const app = new ShellPage(page, env.lobby.url)
        for (const path of pages) {
          await app.open(path)
          await page.locator('h1').waitFor()
          // Let async figures (storage, sync probe) render before judging the page.
          await page.waitForLoadState('networkidle')
          expect(await axeViolations(page), `${path}`).toEqual([])
        }
        await context.close()
      })
    }
  }

  for (const [name, viewport] of Object.entries(viewports)) {
    it(`on every signed-in screen so far at ${viewport.width}×${viewport.height} (${name})`, async () => {
      const context = await newContext(env.browser, { viewport })
      const page = await context.newPage()
      const auth = new AuthPage(page, env.lobby.url)
      const check = async (label: string) => {
        await page.locator('h1').first().waitFor()
        expect(await axeViolations(page), label).toEqual([])
      }
      await auth.open('/')
      await check('create organisation')
      await auth.createOrganisation(admin)
      await check('admin home')
      await auth.go('/staff')
      await check('staff list')
      await page.getByTestId('staff-name').fill(desk.name)
      await page.getByTestId('staff-username').fill(desk.username)
      await page.getByTestId('staff-create').click()
      await page.getByTestId('setup-code').waitFor()
      await check('setup code shown once')
      const deskCode = (await page.getByTestId('setup-code').textContent())!.trim()
      await page.getByTestId('setup-code-done').click()
      const managerCode = await new StaffAdminPage(page).create({ ...manager, role: 'manager' })
      await page.getByTestId('staff-table').locator('tbody tr').nth(1).waitFor()
      await check('staff list with accounts to deactivate')
      await auth.go('/settings')
      await check('settings')
      await auth.go('/devices')
      await page.getByTestId('devices-table').locator('tbody tr').first().waitFor()
      await check('devices')
      await auth.signOut()
      await check('sign-in')
      await auth.signIn(desk.username, 'wrong passphrase entirely')
      await auth.problem().waitFor()
      await check('sign-in with an error')
      await auth.signIn(desk.username, deskCode)
      await page.getByTestId('first-sign-in').waitFor()
      await check('first sign-in')
      await auth.completeFirstSignIn(desk.passphrase)
      await auth.go('/people')
      await new PeoplePage(page).register({ name: '张三', phone: '13800138000', idNumber: '' })
      await check('people')
      await auth.go('/members')
      await check('members')
      const members = new MembersPage(page)
      await members.startEnrol()
      await members.lookUp('13800138000')
      await members.chooseFound(0)
      await members.chooseTierAndTerm('vip', 'month')
      await check('enrolment with its quote')
      await members.fillPayment({ receiptNo: 'R-1' })
      await members.confirmEnrol()
      await members.cardQr()
      await check('member page')
      const { memberNo } = await members.summary()
      await auth.go('/checkin')
      await check('check-in')
      const checkin = new CheckinPage(page)
      await checkin.scanText(memberNo) // admitted or refused, depending on the hour the test runs
      await check('check-in verdict for a member')
      await checkin.dismiss()
      await checkin.scanText('M0000000')
      await page.getByTestId('checkin-verdict').waitFor()
      await check('check-in refusal')
      await checkin.dismiss()
      await page.getByTestId('lock-button').click()
      await auth.lockScreen().waitFor()
      await check('lock screen')
      await auth.unlock(desk.passphrase)
      await auth.lockScreen().waitFor({ state: 'detached', timeout: 30_000 })
      await auth.signOut()
      await auth.signIn(manager.username, managerCode)
      await auth.completeFirstSignIn(manager.passphrase)
      await auth.go('/audit')
      await page.getByTestId('audit-table').locator('tbody tr').first().waitFor()
      await page.getByTestId('audit-verify').click()
      await page.getByTestId('audit-verdict').waitFor()
      await check('audit log')
      await auth.go('/members')
      await page.getByTestId('member-open').first().click()
      await page.getByTestId('blacklist-form').waitFor()
      await check('member page with the blacklist (manager)')
      await auth.go('/manage/membership')
      await page.getByTestId('membership-settings-form').waitFor()
      await check('membership settings')
      await page.getByTestId('price-vip-year').fill('12.345')
      await page.getByTestId('settings-save').click()
      await page.getByTestId('settings-summary').waitFor()
      await check('membership settings refusing a bad price')
      await context.close()
    })
  }

  it('is usable by keyboard: the skip link moves focus to the main content', async () => {
    const context = await newContext(env.browser, { viewport: phone })
    const page = await context.newPage()
    const app = new ShellPage(page, env.lobby.url)
    await app.open('/')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    await context.close()
  })
})
