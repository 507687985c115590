import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { artifactPath } from '../support/artifacts'
import { AuthPage } from './pages/auth.page'
import { BroadbandPage } from './pages/broadband.page'
import { StaffAdminPage } from './pages/staff.page'
import { axeEverywhere } from './support/axe-everywhere'
import { newContext, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin } from './support/org-setup'

const agent = { name: '孙宽带', username: 'sun.agent', passphrase: 'broadband at the counter 2027' }
const subscriber = { name: '陈用户', phone: '13811112222' }
const agreement = { accountNo: 'KD-2027-0001', accountName: '陈用户宿舍', planName: '100M 校园', monthlyFee: '100', singlePortFee: '30', cycleStart: '2027-01-01', cycleEnd: '2027-12-31' }
const newYear = new Date('2027-01-05T10:00:00+08:00')

/** The admin founds the organisation and creates an agent, who signs in for the first time; ends signed in as the agent. */
async function agentSignedIn(page: Page, url: string): Promise<AuthPage> {
  const auth = new AuthPage(page, url)
  await auth.createOrganisation(admin)
  await auth.go('/staff')
  const code = await new StaffAdminPage(page).create({ name: agent.name, username: agent.username, role: 'agent' })
  await auth.signOut()
  await auth.signIn(agent.username, code)
  await auth.completeFirstSignIn(agent.passphrase)
  return auth
}


describe('the broadband account side (BB-1, BB-2, BB-3): an agent at the counter', () => {
  const env = withLobby({ serverPerTest: true })

  it('opens an account for a new subscriber, starts service, takes a payment through an approved channel only; the balance to the fen', async () => {
    const context = await newContext(env.browser, { viewport: tablet })
    await context.clock.setFixedTime(newYear)
    const page = await context.newPage()
    const auth = await agentSignedIn(page, env.lobby.url)
    const desk = new BroadbandPage(page)

    // The agent's home shows the desk; its first page finds accounts and links to opening one.
    await page.getByTestId('workspace-broadband').waitFor()
    await auth.go('/broadband')
    await axeEverywhere(page, auth, '/broadband')
    expect(await desk.find('KD-2027-0001')).toEqual([])

    // BB-1: a fee of 0 is refused next to its field, in the user's language; nothing is opened.
    await page.getByTestId('broadband-open-link').click()
    await page.getByTestId('broadband-open-form').waitFor()
    await desk.addSubscriber(subscriber)
    await desk.fillAgreement({ ...agreement, monthlyFee: '0' })
    expect(await desk.submitOpen()).toEqual({ opened: false, problems: ['费用必须大于 ¥0.00。'] })
    await axeEverywhere(page, auth, '/broadband/open')

    await desk.fillAgreement(agreement)
    expect(await desk.submitOpen()).toEqual({ opened: true })
    expect(await desk.status()).toBe('待开通')
    expect(await desk.balance()).toBe('¥0.00')

    // BB-1: service starts on the cycle's first day (dated, with who did it).
    await desk.statusAction('start', '2027-01-01')
    expect(await desk.status()).toBe('正常')
    expect(await page.getByTestId('broadband-history').innerText()).toContain(agent.name)

    // BB-2: only the counter and our website; WeChat is not offered. A blank receipt number is refused in Chinese.
    expect(await desk.paymentChannels()).toEqual(['counter', 'website'])
    expect(await desk.pay({ amount: '100.50', channel: 'counter', receiptNo: '   ' })).toEqual({ problems: ['请填写收据号。'] })
    expect(await desk.pay({ amount: '100.50', channel: 'website', receiptNo: 'W-2027-0001' })).toEqual({ done: '已记录缴费 ¥100.50。' })
    // Nothing was billed yet (service started this month, the bill run is the runs' page): the payment is held in credit.
    expect(await desk.balance()).toBe('-¥100.50')
    expect(await page.getByTestId('broadband-ledger').innerText()).toContain('W-2027-0001')
    await page.screenshot({ path: artifactPath('e2e/broadband-account.png'), fullPage: true })
    await axeEverywhere(page, auth, '/broadband/accounts/:id')

    // The statement of January: the payment with its channel and receipt number; closing to the fen.
    await page.getByTestId('broadband-statement-link').click()
    await page.getByTestId('broadband-statement-lines').waitFor()
    expect(await page.getByTestId('broadband-statement-lines').innerText()).toContain('本单位网站缴费，收据号 W-2027-0001')
    expect(await page.getByTestId('broadband-statement-closing').innerText()).toBe('-¥100.50')
    await axeEverywhere(page, auth, '/broadband/accounts/:id/statement/:month')

    // Found again by account number and by the subscriber's phone.
    await auth.go('/broadband')
    expect(await desk.find('kd-2027-0001')).toEqual(['KD-2027-0001'])
    expect(await desk.find(subscriber.phone)).toEqual(['KD-2027-0001'])
    await context.close()
  })

  it('BB-10 back-charge shown before posting, BB-7 dispute, BB-3 arrears leave only payment; an upheld dispute credits the charge', async () => {
    const context = await newContext(env.browser, { viewport: tablet })
    await context.clock.setFixedTime(newYear)
    const page = await context.newPage()
    const auth = await agentSignedIn(page, env.lobby.url)
    const desk = new BroadbandPage(page)
    await auth.go('/broadband')
    await page.getByTestId('broadband-open-link').click()
    await desk.addSubscriber(subscriber)
    await desk.fillAgreement(agreement)
    await desk.submitOpen()
    await desk.statusAction('start', '2027-01-01')
    await desk.pay({ amount: '100.50', channel: 'counter', receiptNo: 'R-0001' })

    // BB-10: five extra terminals at the single-port fee, for the month found; the amount and the day service resumes shown first.
    expect(await desk.backChargePreview('5')).toEqual(['5 × ¥30.00 = ¥150.00（2027-01）', '服务于 2027-02-01 恢复。'])
    await desk.postBackCharge()
    await expect.poll(() => desk.balance()).toBe('¥49.50')

    // BB-7: the back-charge is disputed (open).
    await desk.dispute('服务中断期间没有上网')
    expect(await desk.disputeStatuses()).toEqual(['处理中'])

    // BB-3: past its due date (31 January) the rest is arrears: a plain banner; only payment is possible.
    await auth.idleUntil(context.clock, new Date('2027-02-02T10:00:00+08:00'), agent.passphrase)
    await page.getByTestId('broadband-arrears-banner').waitFor()
    expect(await page.getByTestId('broadband-arrears-banner').innerText()).toBe('欠费中：缴清 ¥49.50 之前只能办理缴费（仍可报修故障）。')
    expect(await page.getByTestId('broadband-plan-change-why').innerText()).toBe('欠费期间不可办理：请先缴费。')
    expect(await page.getByTestId('broadband-transfer-open').isDisabled()).toBe(true)
    expect(await page.getByTestId('broadband-payment-submit').isDisabled()).toBe(false)

    // The dispute upheld: a credit of the charge; nothing is owed any more and the block lifts.
    await desk.resolveDispute('upheld', '确认故障期间')
    expect(await desk.disputeStatuses()).toEqual(['成立'])
    await expect.poll(() => desk.balance()).toBe('-¥100.50')
    expect(await page.getByTestId('broadband-arrears-banner').count()).toBe(0)
    await context.close()
  })
})
