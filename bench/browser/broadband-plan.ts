/**
 * What the broadband bench's seed writes (issue 12 "Done means": a bill run over 10,000 accounts, a statement of an
 * account with 3 years of history), generated from a seed. Pure (no clock, no storage): the same input gives the same
 * agreements and the same history on every run. Ids (accounts, subscribers, the outage) and who posted are the seed
 * page's to fill in: the plan names the account by its index.
 */
import { roundHalfUpToFen } from '@/core/shared/money'
import { daysInMonth, firstDayOf, lastDayOf, monthOf, sameDayMonthsLater, type YearMonth } from '@/core/shared/calendar-month'
import { addDaysTo, daysBetween, instantOf } from '@/core/shared/local-date'
import type { Fen, LocalDate } from '@/core/shared/units'
import { lateFeeDays, lateFeePerMille } from '@/core/broadband/late-fee-days'
import { outageCredit } from '@/core/broadband/outage-credit'
import type { LedgerEntry, Plan } from '@/core/broadband/types'
import { mulberry32 } from '../../scripts/demo/people'

export interface BroadbandPlanInput {
  seed: number
  accounts: number
  today: LocalDate
  timeZone: string
  /** Months the timed bill runs may take, one fresh month each (last month, then the one before, …). */
  billRunMonths: number
  /** The history account's years. */
  years: number
}

/** The campus plans: a fee a month and the BB-10 single-port fee. */
export const plans: readonly Plan[] = [
  { name: '校园 50M', monthlyFee: 5_000, singlePortFee: 2_000 },
  { name: '校园 100M', monthlyFee: 8_000, singlePortFee: 3_000 },
  { name: '家属区 200M', monthlyFee: 10_000, singlePortFee: 3_000 },
  { name: '商户 500M', monthlyFee: 30_000, singlePortFee: 5_000 },
]

export const addMonths = (month: YearMonth, n: number): YearMonth => monthOf(sameDayMonthsLater(firstDayOf(month), n))

/** The months the timed bill runs bill, newest first: last month, then each one before it (none of them billed by the seed). */
export function billRunMonths(today: LocalDate, count: number): YearMonth[] {
  return Array.from({ length: count }, (_, i) => addMonths(monthOf(today), -1 - i))
}

export interface PlannedAgreement {
  accountNo: string
  accountName: string
  plan: Plan
  cycleStart: LocalDate
  cycleEnd: LocalDate
  /** The `active` status event's day. */
  serviceStart: LocalDate
  /** What it is now: a suspension or termination is a second status event on `changedOn`. */
  status: 'active' | 'suspended' | 'terminated'
  changedOn?: LocalDate
}

/**
 * The agreements: every one in service before the earliest month a timed bill run bills (so each run charges all
 * but the terminated ones), most active, about 3 % suspended for arrears (still billed, BB-5), about 2 % terminated.
 * Account 0 is the history account (planHistory): active, its service started `years` ago.
 */
export function planAgreements(input: BroadbandPlanInput): PlannedAgreement[] {
  const rng = mulberry32(input.seed)
  const int = (n: number) => Math.floor(rng() * n)
  const earliest = firstDayOf(billRunMonths(input.today, input.billRunMonths).at(-1)!)
  const agreements: PlannedAgreement[] = []
  for (let i = 0; i < input.accounts; i++) {
    const plan = plans[i === 0 ? 2 : int(plans.length)]!
    const serviceStart = i === 0 ? historyStart(input) : addDaysTo(earliest, -1 - int(4 * 365))
    // Yearly cycles from the service start: the one today is in.
    let cycleStart = sameDayMonthsLater(serviceStart, 12 * Math.floor(daysBetween(serviceStart, input.today) / 365))
    if (cycleStart > input.today) cycleStart = sameDayMonthsLater(cycleStart, -12)
    const cycleEnd = addDaysTo(sameDayMonthsLater(cycleStart, 12), -1)
    const r = i === 0 ? 1 : rng()
    const status = r < 0.02 ? 'terminated' : r < 0.05 ? 'suspended' : 'active'
    const changedOn = status === 'active' ? undefined : addDaysTo(input.today, -1 - int(Math.min(200, daysBetween(serviceStart, input.today) - 1)))
    agreements.push({ accountNo: `KD${String(100_000 + i).padStart(8, '0')}`, accountName: `宽带 ${i + 1}`, plan, cycleStart, cycleEnd, serviceStart, status, ...(changedOn ? { changedOn } : {}) })
  }
  return agreements
}

/** The history account's service start: the 10th of the month `years` before this one (its first month part-billed). */
function historyStart(input: BroadbandPlanInput): LocalDate {
  return `${addMonths(monthOf(input.today), -12 * input.years)}-10`
}

/** A ledger entry as planned: the seed page adds the account, who posted it and, for an outage credit, the outage's id. */
export type PlannedEntry = Omit<LedgerEntry, 'accountId' | 'by'>

export interface PlannedHistory {
  serviceStart: LocalDate
  /** Status events after the service start: a suspension for arrears and the reactivation once paid. */
  statusChanges: { to: 'suspended' | 'active'; on: LocalDate; reason: 'arrears' | 'paid' }[]
  /** A business-caused outage across a month end, repaired late (BB-6). */
  outage: { start: number; end: number; promisedBy: number }
  entries: PlannedEntry[]
  /** Months whose statements show the unusual lines: a late fee, the outage credits, the back-charge. */
  notableMonths: YearMonth[]
}

/**
 * Three years of one account: a charge every month from the service start through last month (the first month
 * part-billed, BB-6), each paid within the month at the counter or on the website, except three months paid late (on
 * the 10th two months on, BB-5's late fee posted at that month's statement and paid with the next payment, a
 * suspension for arrears in between); a business-caused outage across a month end credited in both months (BB-6); one
 * line-sharing back-charge (BB-10).
 */
export function planHistory(input: BroadbandPlanInput, plan: Plan): PlannedHistory {
  const tz = input.timeZone
  const at = (on: LocalDate, time = '10:00') => instantOf(on, time, tz)
  const fee = plan.monthlyFee
  const serviceStart = historyStart(input)
  const first = monthOf(serviceStart)
  const months = Array.from({ length: 12 * input.years }, (_, i) => addMonths(first, i))
  const late = new Set([months[7]!, months[19]!, months[30]!])
  const outageMonth = months[13]!
  const sharingMonth = months[24]!
  const entries: PlannedEntry[] = []
  const statusChanges: PlannedHistory['statusChanges'] = []
  let receipt = 0
  let owed: Fen = 0
  let unpaidSince: YearMonth | undefined
  const post = (entry: PlannedEntry) => {
    entries.push(entry)
    owed += entry.kind === 'payment' || entry.kind === 'credit' ? -entry.amount : entry.amount
  }
  const pay = (on: LocalDate) => {
    if (owed <= 0) return
    receipt += 1
    const website = receipt % 3 === 0
    post({ kind: 'payment', amount: owed, on, at: at(on, '15:30'), channel: website ? 'website' : 'counter', receiptNo: `${website ? 'W' : 'R'}${String(receipt).padStart(6, '0')}` })
  }

  // The outage: from 22:00 two days before the month's end to 01:00 on the 2nd, promised by 06:00 the next morning.
  const outageStart = at(addDaysTo(lastDayOf(outageMonth), -1), '22:00')
  const outage = { start: outageStart, end: at(`${addMonths(outageMonth, 1)}-02`, '01:00'), promisedBy: outageStart + 8 * 3600_000 }
  const credit = outageCredit({ ...outage, businessCaused: true }, fee, tz)
  if (!('due' in credit) || !credit.due) throw new Error('the planned outage earns no credit')

  for (const month of months) {
    const on = firstDayOf(month)
    const days = month === first ? daysInMonth(month) - Number(serviceStart.slice(8)) + 1 : undefined
    const amount = days === undefined ? fee : roundHalfUpToFen(days * fee, daysInMonth(month))
    post({
      kind: 'charge',
      amount,
      on,
      at: at(on, '09:00'),
      month,
      due: lastDayOf(month),
      detail: { kind: 'monthly-fee', run: `run-${month}`, monthlyFee: fee, ...(days === undefined ? {} : { days, daysInMonth: daysInMonth(month) }) },
    })
    // Repaired on the 2nd: both months' credits posted on the 3rd, before that month's payment.
    if (month === addMonths(outageMonth, 1))
      for (const m of credit.months) {
        const creditOn = `${month}-03`
        post({ kind: 'credit', amount: m.credit, on: creditOn, at: at(creditOn, '11:00'), month: m.month, detail: { kind: 'outage', outageId: '', days: m.days, daysInMonth: m.daysInMonth, monthlyFee: fee } })
      }
    if (month === sharingMonth) {
      const found = `${month}-02`
      post({ kind: 'back-charge', amount: 2 * plan.singlePortFee, on: found, at: at(found, '14:00'), month, due: lastDayOf(month), detail: { kind: 'line-sharing', terminals: 2, singlePortFee: plan.singlePortFee } })
    }
    if (late.has(month)) unpaidSince = month
    if (unpaidSince === undefined) {
      pay(`${month}-${String(5 + (months.indexOf(month) % 20)).padStart(2, '0')}`)
      continue
    }
    // Unpaid in its month and the next; more than a month overdue from the 1st of the month after: suspended on the 5th, paid on the 10th.
    if (month !== addMonths(unpaidSince, 2)) continue
    const suspendedOn = `${month}-05`
    const paidOn = `${month}-10`
    statusChanges.push({ to: 'suspended', on: suspendedOn, reason: 'arrears' }, { to: 'active', on: paidOn, reason: 'paid' })
    // BB-5: the unpaid month's charge, 3‰ a day from its first late-fee day through the day before the payment.
    const due = lastDayOf(unpaidSince)
    const lateDays = lateFeeDays(due, addDaysTo(paidOn, -1))
    const overdue = fee
    pay(paidOn)
    const lateFee = roundHalfUpToFen(overdue * lateDays * lateFeePerMille, 1000)
    const through = lastDayOf(month)
    post({
      kind: 'late-fee',
      amount: lateFee,
      on: through,
      at: at(through, '23:00'),
      month,
      detail: { kind: 'late-fee', through, segments: [{ amount: overdue, from: addDaysTo(sameDayMonthsLater(due, 1), 1), through: addDaysTo(paidOn, -1), days: lateDays }], perMille: lateFeePerMille, cumulative: lateFee, charged: 0 },
    })
    unpaidSince = undefined
  }
  return { serviceStart, statusChanges, outage, entries, notableMonths: [...late].map((m) => addMonths(m, 2)).concat([outageMonth, addMonths(outageMonth, 1), sharingMonth]).sort() }
}
