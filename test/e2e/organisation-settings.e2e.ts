import { describe, expect, it } from 'vitest'
import { AuthPage } from './pages/auth.page'
import { MembershipSettingsPage } from './pages/membership-settings.page'
import { OrganisationSettingsPage } from './pages/organisation-settings.page'
import { ShellPage } from './pages/shell.page'
import { axeViolations } from './support/axe'
import { newContext, phone } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin, desk, manager, orgWithStaff } from './support/org-setup'
import { connectedDeskTablet } from './support/tablets'

const newAgreement = { 'zh-CN': '新版保密协议：会员资料只在前台电脑上查看。', en: 'New agreement: member details are viewed on the desk computer only.' }

describe('organisation settings (issue 9 §4)', () => {
  const env = withLobby({ serverPerTest: true })

  it('CONF-8: a manager changes the agreement; the front desk colleague joining on their own tablet must accept it before the desk', async () => {
    const a = await newContext(env.browser)
    const pageA = await a.newPage()
    const { auth, managerCode } = await connectedDeskTablet(pageA, env.lobby, { manager })
    await auth.signOut()
    await auth.signIn(manager.username, managerCode!)
    await auth.completeFirstSignIn(manager.passphrase)

    const settings = new OrganisationSettingsPage(pageA)
    await settings.open(auth)
    expect(await pageA.getByTestId('org-agreement-version').textContent()).toContain('1')
    expect(await axeViolations(pageA), 'organisation settings').toEqual([])
    await settings.setAgreement(newAgreement)
    expect(await settings.save()).toContain('2')
    await new ShellPage(pageA, env.lobby.url).syncNow()

    // Tablet B: the front desk user joins with their passphrase and meets the new text first.
    const b = await newContext(env.browser)
    const pageB = await b.newPage()
    const authB = new AuthPage(pageB, env.lobby.url)
    await authB.join(desk.username, desk.passphrase)
    await pageB.getByTestId('agreement-renewal').waitFor({ timeout: 60_000 })
    expect(await pageB.getByTestId('agreement-text').textContent()).toBe(newAgreement['zh-CN'])
    expect(await pageB.getByTestId('signed-in-as').count()).toBe(0) // no shell, no desk behind it
    expect(await axeViolations(pageB), 'agreement renewal').toEqual([])
    await pageB.getByTestId('agreement-continue').click()
    expect(await pageB.getByTestId('form-problem').count()).toBe(1) // not without ticking it
    await pageB.getByTestId('agreement-accept').check()
    await pageB.getByTestId('agreement-continue').click()
    await pageB.getByTestId('signed-in-as').waitFor()
    await authB.go('/checkin')
    await pageB.locator('h1').waitFor()

    // Accepted once: the next sign-in goes straight to work.
    await authB.signOut()
    await authB.signIn(desk.username, desk.passphrase)
    await pageB.getByTestId('signed-in-as').waitFor({ timeout: 60_000 })
    expect(await pageB.getByTestId('agreement-renewal').count()).toBe(0)
    await a.close()
    await b.close()
  })

  it('issue 9 §4: the admin and a manager on a phone keep the organisation settings; its idle lock is the device default; the membership settings show its zone, read-only', async () => {
    const context = await newContext(env.browser, { viewport: phone, locale: 'en' })
    const page = await context.newPage()
    const { auth, managerCode } = await orgWithStaff(page, env.lobby.url, { manager: true })

    // Every role reads the settings, but only managers and admins edit them: the front desk has no entry.
    await page.getByTestId('signed-in-as').waitFor()
    expect(await page.locator('nav a[href="/manage/organisation"]').count()).toBe(0)
    // …but reads them, from its own Settings page: the zone, the building's hours, the agreement (no way to edit).
    await auth.go('/settings')
    await page.getByTestId('organisation-about-link').click()
    await page.getByTestId('org-about').waitFor()
    expect(await page.getByTestId('org-about-zone').textContent()).toMatch(/^[A-Za-z_]+\/[A-Za-z_]+$/)
    expect(await page.getByTestId('org-about-hours').textContent()).toContain('Monday')
    expect((await page.getByTestId('org-about-agreement').textContent())?.length).toBeGreaterThan(20)
    expect(await page.getByTestId('org-about-edit').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    // The admin who founded it keeps the organisation settings too, found through the navigation.
    await auth.signOut()
    await auth.signIn(admin.username, admin.passphrase)
    const settings = new OrganisationSettingsPage(page)
    await settings.open(auth)
    await page.getByTestId('org-idle-personal').fill('600')
    expect(await settings.save()).toBe('Saved.')
    // CONF-7: the organisation's idle lock is this device's default until it chooses its own, and back.
    await auth.go('/settings')
    expect(await page.getByTestId('idle-lock-default').textContent()).toBe('Organisation default: 10 min.')
    expect(await page.getByTestId('idle-lock-seconds').inputValue()).toBe('600')
    await page.getByTestId('idle-lock-seconds').fill('45')
    await page.getByTestId('idle-lock-save').click()
    expect(await page.getByTestId('idle-lock-source').textContent()).toContain('This device uses its own time: 45 s.')
    await page.getByTestId('idle-lock-follow-default').click()
    expect(await page.getByTestId('idle-lock-seconds').inputValue()).toBe('600')
    expect(await page.getByTestId('idle-lock-source').textContent()).toContain('This device uses the default.')
    expect(await axeViolations(page), 'device settings, phone').toEqual([])

    await auth.signOut()
    await auth.signIn(manager.username, managerCode!)
    await auth.completeFirstSignIn(manager.passphrase)

    await settings.open(auth)
    // Founded on a device in Shanghai: that is the organisation's zone until a manager changes it.
    expect(await page.getByTestId('org-time-zone').inputValue()).toBe('Asia/Shanghai')
    await page.getByTestId('org-time-zone').selectOption('Asia/Urumqi')
    await page.getByTestId('org-name-en').fill('Harbour Lobby')
    await settings.addHoliday('2027-10-01', 'National Day')
    await page.getByTestId('hours-open-7').uncheck()
    expect(await axeViolations(page), 'organisation settings, phone').toEqual([])
    expect(await settings.save()).toBe('Saved.')

    await new MembershipSettingsPage(page).open(auth)
    expect(await page.getByTestId('time-zone').textContent()).toBe('Asia/Urumqi')
    expect(await page.getByTestId('time-zone-link').getAttribute('href')).toBe('/manage/organisation')

    // A refused save names the field and saves nothing.
    await settings.open(auth)
    expect(await page.getByTestId('holiday-date').inputValue()).toBe('2027-10-01')
    await page.getByTestId('org-idle-frontdesk').fill('5')
    await page.getByTestId('org-settings-save').click()
    expect(await page.getByTestId('org-settings-problems').textContent()).toContain('Front-desk tablets')
    await context.close()
  })
})
