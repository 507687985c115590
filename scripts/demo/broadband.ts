/**
 * A year at the broadband counter (issue 12 §11), generated from a seed: agreements opened over the year by
 * directory people (a few through an agent acting for them, BB-1), installed a few days after opening, so the first
 * month is billed from the day service started (BB-6); a bill run on every month's first day, which also runs the
 * month before again for the installations that month (the run charges each account once); payments at the counter
 * or on the business's website with receipt numbers (BB-2), some a quarter ahead. Today a few accounts stand at each
 * dunning step (BB-4: notice, credit record, may be suspended, to be terminated), their late fees posted at month
 * ends (BB-5); a few once paid more than a month late (suspended meanwhile, then reactivated); one is suspended for a violation with its deadline (BB-9); one business-caused outage across a month
 * end was repaired late and its credits posted (BB-6); one charge is disputed (BB-7). A few agreements opened this
 * week still wait for installation.
 *
 * A few subscribers are businesses (CUST-1), registered in the directory by the agent when they subscribe.
 *
 * Pure: the same seed and today give the same year; broadband-writes.ts writes it through the desk's actions. The
 * records carry plan ids (`acct-N`, `line-N`, `outage-0`; `person-N` is the Nth directory person) that the writes
 * replace with the stored ones.
 */
import { billRunPreview, chargeEntries, dueDateOf } from '@/core/broadband/bill-run'
import { violationDeadline } from '@/core/broadband/dunning'
import { lateFeeEntry } from '@/core/broadband/late-fee'
import { firstLateFeeDay } from '@/core/broadband/late-fee-days'
import { balanceOf } from '@/core/broadband/ledger-fold'
import { outageCredit } from '@/core/broadband/outage-credit'
import { agreementState } from '@/core/broadband/status-fold'
import type { Agreement, Dispute, DunningEvent, LedgerEntry, LedgerLine, Outage, Plan, StatusChange, WithId } from '@/core/broadband/types'
import { firstDayOf, lastDayOf, monthOf, sameDayMonthsLater, type YearMonth } from '@/core/shared/calendar-month'
import { addDaysTo, daysBetween, instantOf } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'
import type { Person } from '@/core/directory/person'
import { businessCount, generateBusinesses } from './broadband-businesses'
import { generatePeople, mulberry32 } from './people'

/** `npm run demo`'s number of agreements unless `--accounts` says otherwise. */
export const broadbandAccounts = 300

/** The dunning step an account in arrears stands at today, and the month it stopped paying from (months before today's). */
export const arrearsCases = { notice: 1, 'credit-record': 1, 'may-suspend': 2, terminate: 3 } as const
export type ArrearsCase = keyof typeof arrearsCases

/** Entries posted together, in one transaction: a bill run, a month end's late fees, an outage's credits. */
export interface Posting {
  what: 'bill-run' | 'late-fees' | 'outage-credits'
  month: YearMonth
  at: number
  /** Plan ids of the lines posted. */
  lines: string[]
}

export interface BroadbandPlan {
  today: LocalDate
  /** In the order opened; `subscriberId` is `person-N`, the Nth directory person, or `business-N`, the Nth of `businesses`. */
  agreements: WithId<Agreement>[]
  /** CUST-1: businesses that subscribe, each registered in the directory just before its agreement opens (`createdAt`). */
  businesses: Person[]
  statusChanges: WithId<StatusChange>[]
  /** Every entry, in the order posted (`at`). Payments are taken one by one; the rest are in `postings`. */
  ledger: LedgerLine[]
  postings: Posting[]
  dunning: WithId<DunningEvent>[]
  /** As it stands today (ended, credited); the writes record it when reported and complete it as it went. Absent only in a tiny demo. */
  outage?: WithId<Outage>
  dispute?: WithId<Dispute>
  /** The accounts in arrears today, and the step each was brought to. */
  arrears: Record<string, ArrearsCase>
  /** Accounts that once paid more than a month late, with a late fee, and are paid up since. */
  paidLate: string[]
}

export interface BroadbandPlanInput {
  seed: number
  today: LocalDate
  timeZone: string
  /** The directory's people, in the order registered (nobody subscribes before being registered). */
  people: readonly { name: string; createdAt: string }[]
  accounts: number
  /** The agent's user id: they open the agreements, run the bills and take the payments. */
  by: string
}

/** Realistic plans: the single-port fee (BB-10's back-charge per extra terminal) is the basic plan's fee. */
export const demoPlans: readonly Plan[] = [
  { name: '校园宽带 50M', monthlyFee: 5000, singlePortFee: 5000 },
  { name: '家庭宽带 200M', monthlyFee: 8000, singlePortFee: 5000 },
  { name: '光纤宽带 500M', monthlyFee: 12000, singlePortFee: 5000 },
]
const authorisations = ['授权委托书', '授权委托书（经公证）', '单位介绍信']
/** Agreements opened in the last week that wait for installation (pending: nothing billed). */
const pendingCount = 3
/** Accounts on the outage's floor. */
const outageAccounts = 8
/** Accounts that once paid more than a month late (suspended meanwhile), all paid up since. */
const paidLateCount = 4

const pad = (n: number, width: number) => String(n).padStart(width, '0')
const addMonths = (month: YearMonth, n: number): YearMonth => monthOf(sameDayMonthsLater(firstDayOf(month), n))

/** How an account pays: each month's charge when it comes, or a quarter ahead every third month. */
type Payer = 'monthly' | 'quarterly'

interface Draft {
  opened: LocalDate
  start?: LocalDate
  payer: Payer
  arrears?: ArrearsCase
  role?: 'outage' | 'dispute' | 'violation' | 'paid-late'
  /** A business's agreement: its index into the plan's businesses. */
  business?: number
  /** `paid-late`: the month left unpaid until the day it was paid, more than a month late. */
  lateMonth?: YearMonth
  paidOn?: LocalDate
}

export function generateBroadband(input: BroadbandPlanInput): BroadbandPlan {
  const { today, timeZone: tz, by } = input
  // A stream of its own: the people and members of a seed stay the same whether or not accounts are made.
  const rng = mulberry32((input.seed ^ 0x6262616e) >>> 0)
  const int = (n: number) => Math.floor(rng() * n)
  const at = (day: LocalDate, from: number, to: number) => {
    const m = from + int(to - from)
    return instantOf(day, `${pad(Math.floor(m / 60), 2)}:${pad(m % 60, 2)}`, tz) + int(60) * 1000
  }
  if (input.accounts > input.people.length) throw new Error(`broadband: ${input.accounts} accounts need as many directory people, there are ${input.people.length}`)

  const drafts = draftAccounts(input, rng)
  const { agreements, businesses } = openAgreements(input, drafts, rng)
  const thisMonth = monthOf(today)
  const id = (i: number) => `acct-${i}`

  // BB-1: service starts (a status event each); BB-4 suspensions for arrears; BB-9 one for a violation.
  const statusChanges: WithId<StatusChange>[] = []
  const dunning: WithId<DunningEvent>[] = []
  const status = (i: number, change: Omit<StatusChange, 'accountId' | 'by'>) => statusChanges.push({ id: `status-${statusChanges.length}`, record: { accountId: id(i), by, ...change } })
  const dun = (i: number, step: DunningEvent['step'], due: LocalDate, on: LocalDate, department = false) =>
    dunning.push({ id: `dunning-${dunning.length}`, record: { accountId: id(i), step, due, on, at: at(on, 9 * 60, 11 * 60), by, ...(department ? { department } : {}) } })
  for (const [i, d] of drafts.entries()) {
    if (d.start) status(i, { to: 'active', on: d.start, at: at(d.start, 10 * 60, 16 * 60), reason: 'service-start' })
    if (d.arrears) {
      const due = dueDateOf(addMonths(thisMonth, -arrearsCases[d.arrears]))
      if (d.arrears !== 'notice') dun(i, 'notice', due, addDaysTo(due, 1), i % 2 === 0)
      if (d.arrears === 'may-suspend' || d.arrears === 'terminate') dun(i, 'credit-record', due, addDaysTo(due, 7))
      if (d.arrears === 'terminate') {
        const on = addDaysTo(sameDayMonthsLater(due, 1), 3)
        status(i, { to: 'suspended', on, at: at(on, 9 * 60, 11 * 60), reason: 'arrears' })
      }
    }
    if (d.role === 'paid-late') {
      // BB-4, BB-5: noticed, recorded, suspended once more than a month overdue; paid with its late fee so far and reactivated.
      const due = dueDateOf(d.lateMonth!)
      dun(i, 'notice', due, addDaysTo(due, 1), true)
      dun(i, 'credit-record', due, addDaysTo(due, 7))
      const suspended = addDaysTo(firstLateFeeDay(due), 1)
      status(i, { to: 'suspended', on: suspended, at: at(suspended, 9 * 60, 11 * 60), reason: 'arrears' })
      d.paidOn = addDaysTo(firstLateFeeDay(due), 4 + int(9))
      status(i, { to: 'active', on: d.paidOn, at: at(d.paidOn, 14 * 60, 16 * 60), reason: 'paid' })
    }
    if (d.role === 'violation') {
      const on = addDaysTo(today, -2)
      status(i, { to: 'suspended', on, at: at(on, 14 * 60, 16 * 60), reason: 'violation', violation: 'unauthorised-equipment', deadline: violationDeadline(on), note: '擅自接入未经登记的交换机' })
    }
  }

  const ledger: LedgerLine[] = []
  const lines = drafts.map((): LedgerLine[] => [])
  const postings: Posting[] = []
  const post = (what: Posting['what'], month: YearMonth, when: number, entries: LedgerEntry[]) => {
    if (entries.length === 0) return
    const posted = entries.map((record, n) => ({ id: `line-${ledger.length + n}`, record }))
    for (const l of posted) {
      ledger.push(l)
      lines[Number(l.record.accountId.slice(5))]!.push(l)
    }
    postings.push({ what, month, at: when, lines: posted.map((l) => l.id) })
  }
  const receipts = new Map<LocalDate, number>()
  const payWhole = (i: number, when: number, day: LocalDate, extra = 0) => {
    const amount = balanceOf(lines[i]!) + extra
    if (amount <= 0) return
    const n = (receipts.get(day) ?? 0) + 1
    receipts.set(day, n)
    const website = rng() < 0.4
    const ymd = day.replaceAll('-', '')
    const receiptNo = website ? `W${ymd}${pad(int(1_000_000), 6)}${pad(n, 3)}` : `KD${ymd}-${pad(n, 3)}`
    const record: LedgerEntry = { accountId: id(i), kind: 'payment', amount, on: day, at: when, by, channel: website ? 'website' : 'counter', receiptNo }
    const line = { id: `line-${ledger.length}`, record }
    ledger.push(line)
    lines[i]!.push(line)
  }

  const outage = planOutage(drafts, thisMonth, tz, by, at)
  const firstMonth = monthOf(drafts[0]!.opened)
  for (let month = firstMonth; month <= thisMonth; month = addMonths(month, 1)) {
    const runDay = firstDayOf(month)
    // The month before again first (installations after its run), then this month: each account charged once.
    for (const [n, billed] of [month > firstMonth ? addMonths(month, -1) : undefined, month].entries()) {
      if (!billed) continue
      const runAt = instantOf(runDay, `09:0${n}`, tz)
      const accounts = drafts.map((d, i) => ({
        accountId: id(i),
        monthlyFee: agreements[i]!.record.plan.monthlyFee,
        state: agreementState(statusChanges.filter((s) => s.record.accountId === id(i) && s.record.at <= runAt)),
      }))
      const charged = new Set(ledger.filter((l) => l.record.kind === 'charge' && l.record.month === billed).map((l) => l.record.accountId))
      const preview = billRunPreview(accounts, charged, billed, runDay)
      if ('problem' in preview) throw new Error(`broadband: the bill run of ${billed} on ${runDay}: ${preview.problem}`)
      post('bill-run', billed, runAt, chargeEntries(preview, `run-${billed}-${runDay}`, by, runAt, runDay))
    }
    // The month's own doings in the order they happened: payments, and the outage's credits once confirmed.
    const doings: { at: number; run: () => void }[] = []
    for (const [i, d] of drafts.entries()) {
      const owed = balanceOf(lines[i]!)
      if (owed <= 0) continue
      const stopped = d.arrears ? addMonths(thisMonth, -arrearsCases[d.arrears]) : undefined
      if (stopped && month >= stopped) continue
      if (d.lateMonth && month >= d.lateMonth && month < addMonths(d.lateMonth, 2)) continue
      if (d.paidOn && monthOf(d.paidOn) === month) {
        const when = at(d.paidOn, 10 * 60, 12 * 60)
        doings.push({ at: when, run: () => payWhole(i, when, d.paidOn!) })
        continue
      }
      // By the 25th; within three days when the run charged a month already due (an installation after its run).
      const pastDue = lines[i]!.some((l) => l.record.kind === 'charge' && l.record.on === runDay && l.record.due! < runDay)
      const day = [addDaysTo(runDay, int(pastDue ? 3 : 25)), pastDue ? today : lastDayOf(month)].sort()[0]!
      if (day > today) continue
      const when = at(day, 9 * 60 + 30, 17 * 60 + 30)
      // A quarterly payer pays the month and the two after it (a credit the next runs' charges use up).
      const ahead = d.payer === 'quarterly' ? 2 * agreements[i]!.record.plan.monthlyFee : 0
      doings.push({ at: when, run: () => payWhole(i, when, day, ahead) })
    }
    if (outage.creditedMonth === month && outage.record.accountIds.length) doings.push({ at: outage.record.creditedAt!, run: () => post('outage-credits', month, outage.record.creditedAt!, outage.credits(agreements)) })
    for (const doing of doings.sort((a, b) => a.at - b.at)) doing.run()
    // BB-5: at the month's end the statement posts each account's late fee so far.
    const end = lastDayOf(month)
    if (end < today) {
      const when = instantOf(end, '18:00', tz)
      post('late-fees', month, when, drafts.flatMap((_, i) => lateFeeEntry(id(i), lines[i]!, end, by, when) ?? []))
    }
  }
  ledger.sort((a, b) => a.record.at - b.record.at)

  const dispute = planDispute(drafts, lines, addMonths(thisMonth, -1), today, by)
  const arrears = Object.fromEntries(drafts.flatMap((d, i) => (d.arrears ? [[id(i), d.arrears]] : [])))
  statusChanges.sort((a, b) => a.record.at - b.record.at)
  return { today, agreements, businesses, statusChanges, ledger, postings, dunning, ...(outage.record.accountIds.length ? { outage: { id: outage.id, record: outage.record } } : {}), ...(dispute ? { dispute } : {}), arrears, paidLate: drafts.flatMap((d, i) => (d.role === 'paid-late' ? [id(i)] : [])) }
}

/** BB-7: the dispute account's charge of last month (its first, if it has none) disputed three days ago. */
function planDispute(drafts: Draft[], lines: LedgerLine[][], lastMonth: YearMonth, today: LocalDate, by: string): WithId<Dispute> | undefined {
  const account = Math.max(0, drafts.findIndex((d) => d.role === 'dispute'))
  const charges = (lines[account] ?? []).filter((l) => l.record.kind === 'charge')
  const charge = charges.find((l) => l.record.month === lastMonth) ?? charges[0]
  if (!charge) return undefined
  const raisedOn = [addDaysTo(today, -3), charge.record.on].sort()[1]!
  return {
    id: 'dispute-0',
    record: { accountId: charge.record.accountId, entryId: charge.id, raisedOn, raisedBy: by, reason: '该月多次晚间断网，报修后仍未解决，对当月费用有异议', status: 'open' },
  }
}

/**
 * When each account opened (more early in the year: the year's intake), when service started (a few days later:
 * late installation), how it pays; then the roles: the arrears at each step, the outage's floor, the dispute,
 * the violation, given to accounts old enough to have them, round by round so a small demo gets one of each first.
 */
function draftAccounts(input: BroadbandPlanInput, rng: () => number): Draft[] {
  const { today } = input
  const int = (n: number) => Math.floor(rng() * n)
  const from = sameDayMonthsLater(today, -12)
  const span = daysBetween(from, today) - 14
  const drafts: Draft[] = []
  const live = Math.max(0, input.accounts - pendingCount)
  for (let i = 0; i < input.accounts; i++) {
    const opened = i < live ? addDaysTo(from, Math.floor(span * rng() ** 1.6)) : addDaysTo(today, -2 - int(6))
    const start = i < live ? addDaysTo(opened, 2 + int(9)) : undefined
    drafts.push({ opened, ...(start ? { start } : {}), payer: rng() < 0.15 ? 'quarterly' : 'monthly' })
  }
  drafts.sort((a, b) => (a.opened < b.opened ? -1 : a.opened > b.opened ? 1 : 0))
  const oldEnough = addMonths(monthOf(today), -4)
  const candidates = drafts.filter((d) => d.payer === 'monthly' && d.start && monthOf(d.start) < oldEnough)
  const roles: ((d: Draft) => void)[] = [
    ...(Object.keys(arrearsCases) as ArrearsCase[]).map((c) => (d: Draft) => void (d.arrears = c)),
    (d) => void (d.role = 'outage'),
    (d) => void (d.role = 'dispute'),
    (d) => void (d.role = 'violation'),
    (d) => void (d.business = 0),
  ]
  let next = 0
  const free = (d: Draft | undefined): d is Draft => d !== undefined && !d.arrears && !d.role && d.business === undefined
  const take = () => {
    // A different account every time, spread over the year's intake.
    while (next < candidates.length && int(3) !== 0) next++
    return candidates[next++] ?? candidates.find(free)
  }
  for (let round = 0; round < 3; round++) {
    for (const [r, give] of roles.entries()) {
      if (round > 0 && r >= Object.keys(arrearsCases).length) continue
      const d = take()
      if (free(d)) give(d)
    }
  }
  for (let n = 1; n < outageAccounts; n++) {
    const d = take()
    if (free(d)) d.role = 'outage'
  }
  for (let n = 0; n < paidLateCount; n++) {
    const d = take()
    if (!free(d)) continue
    d.role = 'paid-late'
    const latest = addMonths(oldEnough, -int(5))
    const first = addMonths(monthOf(d.start!), 1)
    d.lateMonth = latest > first ? latest : first
  }
  for (let n = 1; n < businessCount; n++) {
    const d = take()
    if (free(d)) d.business = n
  }
  return drafts
}

/** BB-1: each draft's agreement: a directory person registered before it opened, a plan, a year's cycle, a few through an agent. */
function openAgreements(input: BroadbandPlanInput, drafts: Draft[], rng: () => number): { agreements: WithId<Agreement>[]; businesses: Person[] } {
  const int = (n: number) => Math.floor(rng() * n)
  const used = new Set<number>()
  // Agents: people of a seed of their own (not the directory's), with an ID number to show.
  const agents = generatePeople(input.seed + 13, 60).filter((p) => p.idNumber)
  const shops = generateBusinesses(input.seed)
  const businesses: Person[] = []
  const agreements = drafts.map((d, i): WithId<Agreement> => {
    const createdAt = instantOf(d.opened, `${pad(9 + int(8), 2)}:${pad(int(60), 2)}`, input.timeZone)
    const cycleStart = d.start ?? d.opened
    const cycleEnd = addDaysTo(sameDayMonthsLater(cycleStart, 12), -1)
    const accountNo = `8${pad(1 + i * 37 + int(37), 7)}`
    if (d.business !== undefined) {
      // A business subscribes through a member of its staff with the company's letter (单位介绍信).
      const shop = { ...shops[d.business]!, createdAt: new Date(createdAt - 10 * 60_000).toISOString() }
      const agent = agents[int(agents.length)]!
      businesses.push(shop)
      return {
        id: `acct-${i}`,
        record: {
          accountNo,
          accountName: shop.name,
          subscriberId: `business-${businesses.length - 1}`,
          agent: { name: agent.name, idNumber: agent.idNumber!, authorisation: '单位介绍信' },
          plan: { ...demoPlans[2]! },
          cycleStart,
          cycleEnd,
          createdAt,
          createdBy: input.by,
        },
      }
    }
    const registered = input.people.findLastIndex((p) => p.createdAt.slice(0, 10) < d.opened)
    let person = registered >= 0 ? int(registered + 1) : int(input.people.length)
    while (used.has(person)) person = (person + 1) % input.people.length
    used.add(person)
    const plan = demoPlans[[0, 0, 1, 1, 1, 2][int(6)]!]!
    const agent = i % 19 === 7 ? agents[int(agents.length)] : undefined
    return {
      id: `acct-${i}`,
      record: {
        accountNo,
        accountName: input.people[person]!.name,
        subscriberId: `person-${person}`,
        ...(agent ? { agent: { name: agent.name, idNumber: agent.idNumber!, authorisation: authorisations[int(authorisations.length)]! } } : {}),
        plan: { ...plan },
        cycleStart,
        cycleEnd,
        createdAt,
        createdBy: input.by,
      },
    }
  })
  return { agreements, businesses }
}

/**
 * BB-6: the switch of one floor failed on the evening of the last day of the month two months ago and was
 * repaired only on the second day of the next, a day past the promised repair; the credits, per calendar month,
 * were confirmed and posted the day after.
 */
function planOutage(drafts: Draft[], thisMonth: YearMonth, tz: string, by: string, at: (day: LocalDate, from: number, to: number) => number) {
  const before = addMonths(thisMonth, -2)
  const start = instantOf(lastDayOf(before), '21:10', tz)
  const next = addMonths(before, 1)
  const creditedAt = at(addDaysTo(firstDayOf(next), 2), 14 * 60, 16 * 60)
  const accountIds = drafts.flatMap((d, i) => (d.role === 'outage' ? [`acct-${i}`] : []))
  const record: Outage = {
    accountIds,
    area: '7号楼',
    start,
    end: instantOf(addDaysTo(firstDayOf(next), 1), '10:40', tz),
    cause: '7号楼弱电间交换机故障，备件到货延误',
    businessCaused: true,
    promisedBy: start + 24 * 3_600_000,
    recordedAt: start + 25 * 60_000,
    recordedBy: by,
    creditedAt,
  }
  const credits = (agreements: WithId<Agreement>[]): LedgerEntry[] =>
    accountIds.flatMap((accountId) => {
      const fee = agreements[Number(accountId.slice(5))]!.record.plan.monthlyFee
      const credit = outageCredit({ start: record.start, end: record.end!, businessCaused: true, promisedBy: record.promisedBy }, fee, tz)
      if ('problem' in credit || !credit.due) throw new Error('broadband: the demo outage earns no credit')
      return credit.months.map((m): LedgerEntry => ({
        accountId,
        kind: 'credit',
        amount: m.credit,
        on: addDaysTo(firstDayOf(next), 2),
        at: creditedAt,
        by,
        month: m.month,
        detail: { kind: 'outage', outageId: 'outage-0', days: m.days, daysInMonth: m.daysInMonth, monthlyFee: fee },
      }))
    })
  return { id: 'outage-0', record, creditedMonth: next, credits }
}

/** What the year holds, for the demo's summary and its test. */
export function broadbandCounts(plan: BroadbandPlan) {
  const count = (kind: LedgerEntry['kind']) => plan.ledger.filter((l) => l.record.kind === kind).length
  const cases = Object.values(plan.arrears)
  return {
    accounts: plan.agreements.length,
    businesses: plan.businesses.length,
    pending: plan.agreements.filter((a) => !plan.statusChanges.some((s) => s.record.accountId === a.id)).length,
    charges: count('charge'),
    payments: count('payment'),
    lateFees: count('late-fee'),
    credits: count('credit'),
    billRuns: plan.postings.filter((p) => p.what === 'bill-run').length,
    paidLate: plan.paidLate.length,
    arrears: Object.fromEntries((Object.keys(arrearsCases) as ArrearsCase[]).map((c) => [c, cases.filter((x) => x === c).length])) as Record<ArrearsCase, number>,
    outageAccounts: plan.outage?.record.accountIds.length ?? 0,
    disputes: plan.dispute ? 1 : 0,
  }
}
