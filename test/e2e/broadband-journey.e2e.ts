import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { artifactPath } from '../support/artifacts'
import { BroadbandJourneyPage } from './pages/broadband-journey.page'
import { axeViolations } from './support/axe'
import { newContext, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { agent, agentOnConnectedTablet } from './support/tablets'

const subscriber = { name: '陈用户', phone: '13811112222' }
const account = { accountNo: 'KD-2027-0309', accountName: '陈用户宿舍', planName: '100M 校园', monthlyFee: '100', singlePortFee: '30', cycleStart: '2027-01-01', cycleEnd: '2027-12-31' }
/** The counter's days, 10:00 in the organisation's time zone (the tablet's is Asia/Shanghai). */
const at = (day: string) => new Date(`${day}T10:00:00+08:00`)

// The amounts the journey must come to, worked out here from the dates (BB-2, BB-5), never read off the page.
const fee = 10_000 // ¥100.00 a month, in fen
const dayMs = 86_400_000
/** Calendar days from `from` through `through`, both counted. */
const daysFromThrough = (from: string, through: string) => (Date.parse(`${through}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs + 1
// February's charge is due on its last day, 2027-02-28; one calendar month on is 2027-03-28, so the first day
// more than one month past due, the first late-fee day, is 2027-03-29 (BB-5).
const firstLateFeeDay = '2027-03-29'
const lateFeeOn = '2027-04-09'
const lateDays = daysFromThrough(firstLateFeeDay, lateFeeOn) // 29, 30, 31 March + 1…9 April = 12 days
// March's charge (due 2027-03-31) first accrues on 2027-05-01: only February's ¥100.00 is the base.
const lateFee = (fee * lateDays * 3) / 1000 // 10000 × 12 × 3 / 1000 = 360 fen, exact (no rounding needed)
const owedAfterSuspension = 2 * fee // February's and March's charges, both past due on 2027-04-09
const owedWithLateFee = owedAfterSuspension + lateFee // what the payment on 2027-04-10 settles

/** Fen as the page writes them: ¥ and two decimals (integer arithmetic only). */
const yuan = (fen: number) => `${fen < 0 ? '-' : ''}¥${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`

async function axeClean(page: Page, label: string): Promise<void> {
  await page.locator('h1').first().waitFor()
  expect(await axeViolations(page), label).toEqual([])
}

/** Statement lines in a fixed order: entries posted at one frozen instant are ordered by their random ids. */
const byDayAndKind = <T extends { on: string; kind: string }>(lines: T[]) => [...lines].sort((a, b) => a.on.localeCompare(b.on) || a.kind.localeCompare(b.kind))

describe('the agent\'s three months at the counter (issue 12: BB-1, BB-2, BB-3, BB-4, BB-5)', () => {
  const env = withLobby({ serverPerTest: true })

  it('opens an account, bills three months with February unpaid, suspends from the worklist, takes the payment with the late fee, reactivates; the statements to the fen', async () => {
    const context = await newContext(env.browser, { viewport: tablet })
    await context.clock.setFixedTime(at('2027-01-05'))
    const page = await context.newPage()
    const { auth, shell } = await agentOnConnectedTablet(page, env.lobby)
    const desk = new BroadbandJourneyPage(page)

    // Month 1: the account opened (¥100.00 a month) and service started on the 1st.
    await auth.go('/broadband')
    await page.getByTestId('broadband-open-link').click()
    await desk.addSubscriber(subscriber)
    await desk.fillAgreement(account)
    expect(await desk.submitOpen()).toEqual({ opened: true })
    await desk.statusAction('start', '2027-01-01')
    expect(await desk.status()).toBe('正常')

    // January's bill run, previewed then posted; paid at the counter with a receipt number.
    await desk.tab('bill-run')
    expect(await desk.previewBillRun('2027-01')).toEqual({ charges: [[account.accountNo, yuan(fee)]], allBilled: false })
    await desk.postBillRun('2027-01')
    // The account page shows the store's last reading of the account until it has read it again: poll.
    await desk.openAccount(account.accountNo)
    await expect.poll(() => desk.balance()).toBe(yuan(fee))
    expect(await desk.pay({ amount: '100.00', channel: 'counter', receiptNo: 'R-2027-0105' })).toEqual({ done: `已记录缴费 ${yuan(fee)}。` })
    await expect.poll(() => desk.balance()).toBe(yuan(0))
    // Against the real sync server: every month's work is accepted by it (nothing pending, no refusal).
    await shell.syncNow()

    // Month 2: February billed and left unpaid.
    await auth.idleUntil(context.clock, at('2027-02-03'), agent.passphrase)
    await desk.tab('bill-run')
    expect(await desk.previewBillRun('2027-02')).toEqual({ charges: [[account.accountNo, yuan(fee)]], allBilled: false })
    await desk.postBillRun('2027-02')
    await shell.syncNow()

    // Month 3: March billed. February's charge (due 2027-02-28) is past due: the worklist proposes the dunning notice.
    await auth.idleUntil(context.clock, at('2027-03-02'), agent.passphrase)
    await desk.tab('bill-run')
    await desk.postBillRun('2027-03')
    await desk.tab('worklist')
    // The worklist shows its last reading until it has read the day's steps again: poll.
    await expect.poll(() => desk.worklistSteps(account.accountNo)).toEqual([{ step: 'notice', text: '应发催缴通知', owed: `欠费 ${yuan(fee)}，自 2027-02-28 起未缴` }])
    expect(await desk.confirmStep(account.accountNo, 'notice')).toBe(`已向 ${account.accountNo} 发出通知：请打印下方通知书或复制短信文本。`)
    await page.getByTestId('dunning-letter').waitFor()
    expect(await page.getByTestId('dunning-letter').innerText()).toContain(yuan(fee))
    await axeClean(page, 'worklist with the dunning letter (zh-CN)')

    // Past the first late-fee day (BB-4: more than one calendar month overdue): "may be suspended", confirmed.
    await auth.idleUntil(context.clock, at(lateFeeOn), agent.passphrase)
    await desk.tab('worklist')
    await expect.poll(async () => (await desk.worklistSteps(account.accountNo)).find((s) => s.step === 'may-suspend')).toEqual({ step: 'may-suspend', text: '逾期超过 1 个月：可暂停服务', owed: `欠费 ${yuan(owedAfterSuspension)}，自 2027-02-28 起未缴` })
    await page.screenshot({ path: artifactPath('e2e/broadband-journey-worklist.png'), fullPage: true })
    await axeClean(page, 'worklist proposing suspension (zh-CN)')
    expect(await desk.confirmStep(account.accountNo, 'may-suspend')).toBe(`账号 ${account.accountNo} 已暂停。`)
    await shell.syncNow()

    // BB-3: the account says it is in arrears; only payment is possible (reactivation waits for it too).
    await desk.openAccount(account.accountNo)
    await expect.poll(() => desk.status()).toBe('已停机')
    expect(await page.getByTestId('broadband-arrears-banner').innerText()).toBe(`欠费中：缴清 ${yuan(owedAfterSuspension)} 之前只能办理缴费（仍可报修故障）。`)
    expect(await page.getByTestId('broadband-plan-change-why').innerText()).toBe('欠费期间不可办理：请先缴费。')
    expect(await page.getByTestId('broadband-transfer-open').isDisabled()).toBe(true)
    expect(await page.getByTestId('broadband-reactivate').isDisabled()).toBe(true)
    expect(await page.getByTestId('broadband-reactivate-why').innerText()).toBe('欠费期间不可办理：请先缴费。')
    expect(await page.getByTestId('broadband-payment-submit').isDisabled()).toBe(false)

    // BB-5: the late fee with its formula, amount × days × 3‰ = result, then posted.
    expect(await desk.lateFeeFormula()).toEqual([
      `截至 ${lateFeeOn} 的滞纳金`,
      `${yuan(fee)} × ${lateDays} 天 × 3‰ = ${yuan(lateFee)}（${firstLateFeeDay} 至 ${lateFeeOn}）`,
      `合计 ${yuan(lateFee)}，减去已收 ${yuan(0)}，本期 ${yuan(lateFee)}`,
    ])
    await axeClean(page, 'account in arrears (zh-CN)')
    await page.screenshot({ path: artifactPath('e2e/broadband-journey-arrears.png'), fullPage: true })
    await desk.postLateFee()
    await expect.poll(() => desk.balance()).toBe(yuan(owedWithLateFee))

    // The next day the subscriber pays what is owed; nothing is overdue, no further late fee, and the account is reactivated.
    await auth.idleUntil(context.clock, at('2027-04-10'), agent.passphrase)
    expect(await desk.balance()).toBe(yuan(owedWithLateFee))
    expect(await desk.pay({ amount: '203.60', channel: 'counter', receiptNo: 'R-2027-0410' })).toEqual({ done: `已记录缴费 ${yuan(owedWithLateFee)}。` })
    await expect.poll(() => desk.balance()).toBe(yuan(0))
    expect(await page.getByTestId('broadband-arrears-banner').count()).toBe(0)
    expect(await desk.lateFeeFormula()).toEqual([])
    await desk.statusAction('reactivate')
    expect(await desk.status()).toBe('正常')
    await shell.syncNow()
    await desk.tab('worklist')
    await expect.poll(() => desk.worklistSteps(account.accountNo)).toEqual([])

    // April's statement (the month the late fee is on): opening, the late fee with its formula, the payment with its channel and receipt, closing.
    await desk.openAccount(account.accountNo)
    await page.getByTestId('broadband-statement-link').click()
    await page.waitForURL((u) => u.pathname.endsWith('/statement/2027-04'))
    expect(await desk.statement()).toEqual({
      opening: yuan(owedAfterSuspension),
      debits: yuan(lateFee),
      credits: yuan(owedWithLateFee),
      closing: yuan(owedAfterSuspension + lateFee - owedWithLateFee),
      overdue: yuan(0),
      lines: [
        {
          on: lateFeeOn,
          kind: '滞纳金',
          why: [`截至 ${lateFeeOn} 的滞纳金`, `${yuan(fee)} × ${lateDays} 天 × 3‰ = ${yuan(lateFee)}（${firstLateFeeDay} 至 ${lateFeeOn}）`, `合计 ${yuan(lateFee)}，减去已收 ${yuan(0)}，本期 ${yuan(lateFee)}`],
          debit: yuan(lateFee),
          credit: '',
        },
        { on: '2027-04-10', kind: '缴费', why: ['营业柜台缴费，收据号 R-2027-0410'], debit: '', credit: yuan(owedWithLateFee) },
      ],
    })
    expect(await desk.statementAccrued()).toEqual([])
    await page.screenshot({ path: artifactPath('e2e/broadband-journey-statement.png'), fullPage: true })
    await axeClean(page, 'statement 2027-04 (zh-CN)')

    // March's: February unpaid carried in, March's charge; on its last day February's charge is overdue.
    await desk.statementMonth('previous', '2027-03')
    expect(await desk.statement()).toEqual({
      opening: yuan(fee),
      debits: yuan(fee),
      credits: yuan(0),
      closing: yuan(2 * fee),
      overdue: yuan(fee),
      lines: [{ on: '2027-03-02', kind: '月费', why: ['2027-03 月费'], debit: yuan(fee), credit: '' }],
    })
    // BB-5: February's charge (due 28 February) has been more than a month overdue since 29 March: 3 days accrued by
    // the 31st, shown with the formula though not yet charged.
    expect(await desk.statementAccrued()).toEqual([
      `截至 2027-03-31 已产生、尚未计收的滞纳金：${yuan(90)}`,
      '截至 2027-03-31 的滞纳金',
      `${yuan(fee)} × 3 天 × 3‰ = ${yuan(90)}（2027-03-29 至 2027-03-31）`,
      `合计 ${yuan(90)}，减去已收 ${yuan(0)}，本期 ${yuan(90)}`,
    ])

    // January's: the charge and the payment at the counter with its receipt, closing at nothing owed.
    await desk.statementMonth('previous', '2027-02')
    await desk.statementMonth('previous', '2027-01')
    const january = await desk.statement()
    expect({ ...january, lines: byDayAndKind(january.lines) }).toEqual({
      opening: yuan(0),
      debits: yuan(fee),
      credits: yuan(fee),
      closing: yuan(0),
      overdue: yuan(0),
      lines: byDayAndKind([
        { on: '2027-01-05', kind: '月费', why: ['2027-01 月费'], debit: yuan(fee), credit: '' },
        { on: '2027-01-05', kind: '缴费', why: ['营业柜台缴费，收据号 R-2027-0105'], debit: '', credit: yuan(fee) },
      ]),
    })

    // The other language, once: the statement says the same in English, and the three pages stay axe clean.
    await auth.switchLanguage('en')
    await axeClean(page, 'statement 2027-01 (en)')
    await desk.statementMonth('next', '2027-02')
    await desk.statementMonth('next', '2027-03')
    await desk.statementMonth('next', '2027-04')
    expect((await desk.statement()).lines.map((l) => l.why)).toEqual([
      [`Late fee through ${lateFeeOn}`, `${yuan(fee)} × ${lateDays} days × 3‰ = ${yuan(lateFee)} (${firstLateFeeDay} to ${lateFeeOn})`, `Total ${yuan(lateFee)} less ${yuan(0)} already charged = ${yuan(lateFee)}`],
      ['Payment at Counter, receipt R-2027-0410'],
    ])
    await axeClean(page, 'statement 2027-04 (en)')
    await page.getByRole('link', { name: 'Back to the account' }).click()
    await page.getByTestId('broadband-status').waitFor()
    expect(await desk.status()).toBe('Active')
    await axeClean(page, 'account (en)')
    await desk.tab('worklist')
    await axeClean(page, 'worklist (en)')
    await context.close()
  })
})
