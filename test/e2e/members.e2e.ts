import { describe, expect, it } from 'vitest'
import { termEnd } from '@/core/membership/term-dates'
import { addDaysTo, daysBetween, localDateOf } from '@/core/shared/local-date'
import { CheckinPage } from './pages/checkin.page'
import { MembersPage } from './pages/members.page'
import { newContext, phone, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { manager, orgWithStaff } from './support/org-setup'
import { artifactPath } from '../support/artifacts'

// The default organisation zone (MEM settings): dates a member sees are calendar dates there.
const today = () => localDateOf(Date.now(), 'Asia/Shanghai')

describe('membership desk: enrol, card, renew (MEM-1, MEM-6, MEM-7, MEM-8, MEM-10) on a tablet', () => {
  const env = withLobby({ serverPerTest: true })

  it('enrols a newly registered ordinary member monthly, shows tier, end, 100 points and a signed card, and a yearly renewal extends from the current end', async () => {
    const context = await newContext(env.browser, { viewport: tablet })
    const page = await context.newPage()
    const { auth } = await orgWithStaff(page, env.lobby.url)
    await auth.go('/members')
    const members = new MembersPage(page)

    await members.startEnrol()
    expect(await members.lookUp('13800138001')).toMatch(/尚无人|Nobody/)
    await members.registerNew({ name: '王芳', phone: '13800138001', idNumber: '' })
    await members.chooseTierAndTerm('ordinary', 'month')
    const first = await members.quote()
    expect(first).toMatchObject({ start: today(), end: termEnd(today(), 'month'), totalFen: 100_00 })
    expect(first.deposit).toBeUndefined()
    await members.fillPayment({ method: 'cash', receiptNo: 'R-001' })
    const memberId = await members.confirmEnrol()
    expect(memberId).toMatch(/^member:/)

    const enrolled = await members.summary()
    expect(enrolled).toMatchObject({ tierId: 'ordinary', tier: '普通会员', start: today(), end: termEnd(today(), 'month'), status: 'active', points: 100, depositFen: 0 })
    expect(enrolled.memberNo).toMatch(/^M[0-9A-Z]{7}$/)
    // MEM-8: a card QR signed offline with the organisation's key; masked name only (CONF-4).
    expect(await members.cardQr()).toMatch(/^LBY2\.member:[^.]+\.1\.1\./) // MEM-8: serial 1, card key epoch 1
    await expect.poll(() => page.getByTestId('member-card').innerText()).toContain('王*')
    expect(await page.getByTestId('member-card').innerText()).not.toContain('王芳')

    // MEM-7: renewing while active starts the day after the current end; MEM-1: the real saving shows.
    const renewal = await members.pay({ tier: 'ordinary', term: 'year', method: 'cash', receiptNo: 'R-002' })
    const renewedFrom = addDaysTo(enrolled.end, 1)
    expect(renewal).toMatchObject({ start: renewedFrom, end: termEnd(renewedFrom, 'year'), totalFen: 1000_00 })
    expect(renewal.saving).toContain('¥200.00')
    const renewed = await members.summary()
    expect(renewed).toMatchObject({ start: today(), end: termEnd(renewedFrom, 'year'), status: 'active', points: 1100 })
    const history = await members.history()
    expect(history.map((h) => h.kind)).toEqual(['fee', 'fee'])
    expect(history.map((h) => h.cells[6])).toEqual(expect.arrayContaining(['R-001', 'R-002']))

    // MEM-8: a lost card is revoked and reissued: a new serial, a new signed QR.
    const firstQr = await members.cardQr()
    // The question takes focus on its safe answer; Escape cancels and puts focus back on the button that asked.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))
    await page.getByTestId('card-reissue').click()
    await expect.poll(focused).toBe('card-reissue-no')
    expect(await page.getByRole('alertdialog').getAttribute('data-testid')).toBe('card-reissue-confirm')
    await page.keyboard.press('Escape')
    await page.getByTestId('card-reissue-confirm').waitFor({ state: 'detached' })
    expect(await focused()).toBe('card-reissue')
    await page.getByTestId('card-reissue').click()
    await page.getByTestId('card-reissue-yes').click()
    await page.locator('[data-testid=member-card][data-serial="2"]').waitFor()
    await expect.poll(() => members.cardQr()).not.toBe(firstQr)
    expect(await members.cardQr()).toMatch(/^LBY2\.member:[^.]+\.2\.1\./)

    // The "offline ready" notice sits over the bottom of the page: out of the way for the pictures.
    await page.getByTestId('offline-ready').getByRole('button').click({ timeout: 5_000 }).catch(() => undefined)
    await page.screenshot({ path: artifactPath('screenshots/member-page-tablet.png'), fullPage: true })
    expect(await members.horizontalOverflow()).toBeLessThanOrEqual(0)
    // "Print card": nothing but the card, at credit-card size (85.6 × 53.98 mm at 96 dpi).
    await page.emulateMedia({ media: 'print' })
    const box = (await page.getByTestId('member-card').boundingBox())!
    expect(Math.round(box.width)).toBe(Math.round((85.6 / 25.4) * 96))
    expect(Math.round(box.height)).toBe(Math.round((53.98 / 25.4) * 96))
    expect(await page.getByTestId('member-summary').isVisible()).toBe(false)
    expect(await page.locator('nav').first().isVisible()).toBe(false)
    await page.screenshot({ path: artifactPath('screenshots/member-card-print.png') })
    await page.emulateMedia({ media: 'screen' })

    await page.setViewportSize(phone)
    await page.getByTestId('member-card').scrollIntoViewIfNeeded()
    await page.screenshot({ path: artifactPath('screenshots/member-card-phone.png') })
    await page.screenshot({ path: artifactPath('screenshots/member-page-phone.png'), fullPage: true })
    expect(await members.horizontalOverflow()).toBeLessThanOrEqual(0)
    await page.setViewportSize(tablet)

    // The list finds the member by number and by phone, masked.
    await auth.go('/members')
    expect(await members.memberNumbers()).toEqual([enrolled.memberNo])
    expect(await members.search(enrolled.memberNo.toLowerCase())).toEqual([enrolled.memberNo])
    expect(await members.search('13800138001')).toEqual([enrolled.memberNo])
    expect(await page.getByTestId('members-table').innerText()).not.toContain('王芳')
    await page.screenshot({ path: artifactPath('screenshots/members-list.png'), fullPage: true })
    await context.close()
  })

  it('MEM-6: enrols a second person as VIP with the deposit shown before confirming, held while the VIP year runs (managers see the total) and returned after it ends; the first is offered their page instead of a second enrolment', async () => {
    const context = await newContext(env.browser, { viewport: tablet })
    const page = await context.newPage()
    const { auth, managerCode } = await orgWithStaff(page, env.lobby.url, { manager: true })
    await auth.go('/members')
    const members = new MembersPage(page)
    await members.enrolNewPerson({ name: '李雷', phone: '13900139001' }, { tier: 'ordinary', term: 'month', receiptNo: 'R-010' })

    await auth.go('/members')
    await members.startEnrol()
    await members.lookUp('13900139002')
    await members.registerNew({ name: '韩梅梅', phone: '13900139002', idNumber: '440106199001011235' })
    await members.chooseTierAndTerm('vip', 'year')
    const quote = await members.quote()
    expect(quote).toMatchObject({ start: today(), end: termEnd(today(), 'year'), totalFen: 9600_00 + 1000_00 })
    expect(quote.deposit).toContain('¥1,000.00')
    // MEM-1: the yearly VIP price is charged as listed, and the real saving against 12 × 960.00 shown.
    expect(quote.saving).toContain('¥1,920.00')
    await page.screenshot({ path: artifactPath('screenshots/member-enrol-vip.png'), fullPage: true })
    await members.fillPayment({ method: 'transfer', receiptNo: 'R-011' })
    await members.confirmEnrol()
    expect(await members.summary()).toMatchObject({ tierId: 'vip', status: 'active', depositFen: 1000_00, points: 9600 })
    expect((await members.history()).map((h) => h.kind).sort()).toEqual(['deposit', 'fee'])
    // MEM-5: a VIP owes service hours; this month's logged, owed and shortfall follow the log.
    const month = page.getByTestId('service-month')
    expect(await month.getAttribute('data-owed')).toBe('8')
    await page.getByTestId('service-hours').fill('2.5')
    await page.getByTestId('service-note').fill('Ran the soldering workshop')
    await page.getByTestId('service-log').click()
    await expect.poll(() => month.getAttribute('data-shortfall')).toBe('5.5')
    expect(await month.getAttribute('data-logged')).toBe('2.5')

    // MEM-6: while the VIP year runs the deposit is not returned: the form is shut and says the day it ends.
    const vipEnd = termEnd(today(), 'year')
    expect(await page.getByTestId('deposit-locked').innerText()).toMatch(/VIP/)
    expect(await page.getByTestId('deposit-locked').innerText()).toContain(vipEnd.slice(0, 4))
    expect(await page.getByTestId('deposit-confirm').isDisabled()).toBe(true)

    // MEM-6: a manager sees the deposits held by all members, as money, on /members.
    await auth.signOut()
    await auth.signIn(manager.username, managerCode!)
    await auth.completeFirstSignIn(manager.passphrase)
    await auth.go('/members')
    expect(await page.getByTestId('deposits-held-total').innerText()).toContain('¥1,000.00')

    // The day after the VIP year ends (the page clock moves on), the deposit goes back less a part
    // kept with a reason; nothing is held afterwards, in the member's account or in the total.
    await auth.idleUntil(context.clock, new Date(`${addDaysTo(vipEnd, 1)}T10:00:00+08:00`), manager.passphrase)
    await auth.go('/members')
    await page.locator('tbody tr').filter({ hasText: 'VIP' }).getByTestId('member-open').click()
    await expect.poll(async () => (await members.summary()).status).toBe('expired')
    expect(await page.getByTestId('deposit-locked').count()).toBe(0)
    await page.getByTestId('deposit-part').check()
    await page.getByTestId('deposit-kept').fill('200')
    await page.getByTestId('deposit-reason').fill('Locker key lost')
    expect(await page.getByTestId('deposit-refunded').innerText()).toContain('¥800.00')
    await page.getByTestId('member-deposit-return').getByTestId('receipt-no').fill('R-012')
    await page.getByTestId('deposit-confirm').click()
    await expect.poll(async () => (await members.summary()).depositFen).toBe(0)
    expect((await members.history()).find((h) => h.kind === 'deposit-return')?.cells.join(' ')).toContain('Locker key lost')
    await auth.go('/members')
    await expect.poll(() => page.getByTestId('deposits-held-total').innerText()).toContain('¥0.00')

    // The phone lookup finds the first member's person: no second enrolment, a link to their page.
    await auth.go('/members')
    await members.startEnrol()
    await members.lookUp('13900139001')
    await members.chooseFound(0)
    await page.getByTestId('member-problem').filter({ hasText: /已经是会员|already a member/ }).waitFor()
    await page.getByTestId('open-existing-member').click()
    expect((await members.summary()).tierId).toBe('ordinary')
    await context.close()
  })

  it('MEM-4: a 5th concurrent VIP is refused naming the cap, joins the waiting list in order, and can withdraw', async () => {
    const context = await newContext(env.browser, { viewport: tablet, locale: 'en' })
    const page = await context.newPage()
    const { auth } = await orgWithStaff(page, env.lobby.url)
    const members = new MembersPage(page)
    for (let i = 1; i <= 4; i++) {
      await auth.go('/members')
      await members.enrolNewPerson({ name: `Vip Number${i}`, phone: `1370013700${i}` }, { tier: 'vip', term: 'month', receiptNo: `V-${i}` })
    }
    await auth.go('/members')
    await members.startEnrol()
    await members.lookUp('13700137005')
    await members.registerNew({ name: 'Eve Waiting', phone: '13700137005' })
    await members.chooseTierAndTerm('vip', 'month')
    const refusal = page.getByTestId('member-problem')
    expect(await refusal.getAttribute('data-problem')).toBe('cap-full')
    expect(await refusal.innerText()).toContain('VIP is full: at most 4 members at once.')
    expect(await page.getByTestId('enrol-confirm').count()).toBe(0)
    await page.getByTestId('join-waitlist').click()
    expect(await page.getByTestId('waitlist-added').innerText()).toContain('number 1 in line')
    await page.screenshot({ path: artifactPath('screenshots/member-enrol-cap-full.png'), fullPage: true })
    // An ordinary membership is still open to the same person.
    await members.chooseTierAndTerm('ordinary', 'month')
    expect((await members.quote()).totalFen).toBe(100_00)

    await auth.go('/members')
    const waitlist = page.getByTestId('waitlist-vip')
    expect(await waitlist.innerText()).toContain('Places taken: 4 of 4.')
    // The panel shows its count before its rows are read: wait for the rows.
    await expect.poll(() => waitlist.locator('li').allInnerTexts(), { timeout: 10_000 }).toEqual([expect.stringMatching(/^E\*\* W\*\* · /)])
    await waitlist.getByTestId('waitlist-withdraw').click()
    await waitlist.getByText('Nobody is waiting.').waitFor()
    await context.close()
  })

  it('MEM-9: a manager blacklists a member with a reason; renewal is then refused in words, and offered again once lifted', async () => {
    const context = await newContext(env.browser, { viewport: tablet, locale: 'en' })
    const page = await context.newPage()
    const { auth, managerCode } = await orgWithStaff(page, env.lobby.url, { manager: true })
    const members = new MembersPage(page)
    await auth.go('/members')
    await members.enrolNewPerson({ name: 'Dan Damage', phone: '13600136001' }, { tier: 'ordinary', term: 'month', receiptNo: 'B-1' })
    // The front desk does not blacklist (a manager's decision).
    expect(await page.getByTestId('blacklist-form').count()).toBe(0)

    await auth.signOut()
    await auth.signIn(manager.username, managerCode!)
    await auth.completeFirstSignIn(manager.passphrase)
    await auth.go('/members')
    await page.getByTestId('member-open').first().click()
    await page.getByTestId('blacklist-reason').fill('Broke the laser cutter and left')
    await page.getByTestId('member-blacklist').click()
    const refused = page.getByTestId('pay-refused')
    await refused.waitFor()
    expect(await refused.innerText()).toContain('Refused: this member is blacklisted. Reason: Broke the laser cutter and left')
    expect(await page.getByTestId('member-status').innerText()).toContain('Blacklisted')
    expect(await page.getByTestId('pay-confirm').count()).toBe(0)

    // MEM-9, MEM-3: at the desk the blacklisted member is refused, and the verdict offers no override.
    const { memberNo } = await members.summary()
    await auth.go('/checkin')
    const checkin = new CheckinPage(page)
    expect((await checkin.scanText(memberNo)).verdict).toBe('blacklisted')
    expect(await page.getByTestId('override-open').count()).toBe(0)
    await checkin.dismiss()
    await auth.go('/members')
    await page.getByTestId('member-open').first().click()

    await page.getByTestId('blacklist-reason').fill('Paid for the repair')
    await page.getByTestId('member-blacklist').click()
    await refused.waitFor({ state: 'detached' })
    const quote = await members.pay({ tier: 'ordinary', term: 'month', receiptNo: 'B-2' })
    expect(quote.totalFen).toBe(100_00)
    expect((await members.summary()).points).toBe(200)

    // An upgrade starts today and credits the unused days of the term that covers today (all of them, today counted).
    const pay = page.getByTestId('member-pay')
    await pay.getByTestId('tier-vip').check()
    await pay.locator('[data-testid=fee-quote][data-tier=vip][data-term=month]').waitFor()
    const days = daysBetween(today(), termEnd(today(), 'month')) + 1
    expect(await pay.getByTestId('quote-credit').innerText()).toBe(`credit ¥100.00 for ${days} of ${days} days`)
    expect(await pay.getByTestId('quote-dates').getAttribute('data-start')).toBe(today())
    expect(await pay.getByTestId('fee-quote').getAttribute('data-total')).toBe(String(960_00 - 100_00 + 1000_00))
    await context.close()
  })
})
