import { describe, expect, it } from 'vitest'
import { CheckinPage } from './pages/checkin.page'
import { MembersPage } from './pages/members.page'
import { StaffAdminPage } from './pages/staff.page'
import { newContext } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin, desk, manager, orgWithStaff } from './support/org-setup'

// Instants in Asia/Shanghai (UTC+8), the organisation's zone; ordinary members: Mon–Thu 19:00–21:30.
const mondayEvening = new Date('2026-11-30T19:30:00+08:00')
const fiveWeeksOn = new Date('2027-01-04T19:30:00+08:00')

describe('card key epochs at the desk (MEM-8) on a tablet', () => {
  const env = withLobby({ serverPerTest: true })

  it('MEM-8: a front-desk colleague leaves; their cards of the old key are admitted with a prompt to reissue, then refused after the 30 days of grace', async () => {
    const context = await newContext(env.browser)
    await context.clock.setFixedTime(mondayEvening)
    const page = await context.newPage()
    const { auth, managerCode } = await orgWithStaff(page, env.lobby.url, { manager: true })

    // The front-desk user enrols a yearly member and prints their card (signed by the first card key).
    await auth.go('/members')
    const members = new MembersPage(page)
    await members.enrolNewPerson({ name: '欧阳娜娜', phone: '13700001111', idNumber: '' }, { tier: 'ordinary', term: 'year', method: 'cash', receiptNo: 'R-001' })
    const old = await members.cardQr()
    expect(old).toMatch(/^LBY2\.member:[^.]+\.1\.1\./)

    // The admin deactivates them: the desk key and the card key are replaced.
    await auth.signOut()
    await auth.signIn(admin.username, admin.passphrase)
    await auth.go('/staff')
    expect(await new StaffAdminPage(page).deactivate(desk.name)).toMatch(/已停用|deactivated/)

    // A manager at the desk: the old card is still admitted, with a prompt to reissue it.
    await auth.signOut()
    await auth.signIn(manager.username, managerCode!)
    await auth.completeFirstSignIn(manager.passphrase)
    await auth.go('/checkin')
    const checkin = new CheckinPage(page)
    expect((await checkin.scanText(old)).verdict).toBe('admit')
    expect(await page.getByTestId('verdict-reissue').textContent()).toMatch(/补发新卡|reissue this card/)
    await checkin.dismiss()

    // The member's page now prints the card with the new key (epoch 2).
    await auth.go('/members')
    await page.getByTestId('member-open').first().click()
    await expect.poll(() => members.cardQr()).toMatch(/^LBY2\.member:[^.]+\.1\.2\./)

    // Five weeks later the grace is over: refused as outdated, and the desk cannot override it.
    await auth.idleUntil(context.clock, fiveWeeksOn, manager.passphrase)
    await auth.go('/checkin')
    const outdated = await checkin.scanText(old)
    expect(outdated.verdict).toBe('card-outdated')
    expect(outdated.message).toMatch(/宽限期已过|grace period is over/)
    expect(await page.getByTestId('override-open').count()).toBe(0)
    await context.close()
  })
})
