import { dueDateOf } from '@/core/broadband/bill-run'
import { dunningStepsOn, type WorkStep } from '@/core/broadband/dunning'
import { arrearsOn, openItemsOn } from '@/core/broadband/ledger-fold'
import { agreementState, type AgreementState } from '@/core/broadband/status-fold'
import type { Agreement, WithId } from '@/core/broadband/types'
import { firstDayOf, monthOf, type YearMonth } from '@/core/shared/calendar-month'
import { addDaysTo } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'
import { changeStatus, ledgerOf, listAgreements, statusChangesOf, type BroadbandContext } from './broadband-actions'
import { dunningOf, recordDunning } from './broadband-case-actions'
import { statusByAccount, type RunClock } from './bill-run-actions'
import type { DunningLetterFacts } from './dunning-letter'

/** What the worklist shows and acts on: one step due on one account. `kind` names the words (a termination's two whys apart). */
export interface WorklistRow {
  key: string
  accountId: string
  accountNo: string
  accountName: string
  kind: 'notice' | 'credit-record' | 'may-suspend' | 'terminate' | 'violation-deadline'
  step: WorkStep
}

const kindOf = (step: WorkStep): WorklistRow['kind'] => (step.step === 'terminate' && step.why === 'violation' ? 'violation-deadline' : step.step)

/** The last `n` months whose charges fell due before `today` (a month's fee is due on its last day). */
export function pastDueMonths(today: LocalDate, n: number): YearMonth[] {
  const months: YearMonth[] = []
  let day = addDaysTo(firstDayOf(monthOf(today)), -1)
  while (months.length < n) {
    const month = monthOf(day)
    if (dueDateOf(month) < today) months.push(month)
    day = addDaysTo(firstDayOf(month), -1)
  }
  return months
}

/**
 * The accounts that can have a step due today, without opening the realm's ledger: those charged in one of the two
 * latest months already past due (two slices of the `day` index), and those suspended for a violation. Credits pay
 * the oldest debt first (ledger-fold.ts), so an account in arrears always has its latest past-due charge still
 * open; an account with no charge in those months is paid up, terminated, or not yet billed.
 */
async function candidates(ctx: BroadbandContext, today: LocalDate, statuses: Map<string, ReturnType<typeof agreementState>>): Promise<Set<string>> {
  const ids = new Set<string>()
  for (const month of pastDueMonths(today, 2)) {
    for (const charge of await ctx.records.ledger.onDay(`${month}-01`)) if (charge.record.kind === 'charge') ids.add(charge.record.accountId)
  }
  for (const [id, state] of statuses) if (state.suspension?.reason === 'violation') ids.add(id)
  return ids
}

/** One account's steps due today, and what it owes past due (BB-3 arrears), from its own ledger, dunning and review slices. */
async function standingOf(ctx: BroadbandContext, accountId: string, state: AgreementState, today: LocalDate): Promise<{ steps: WorkStep[]; overdue: number }> {
  if (state.status === 'terminated' || state.status === 'pending') return { steps: [], overdue: 0 }
  const [lines, dunning, reviews] = await Promise.all([ledgerOf(ctx, accountId), dunningOf(ctx, accountId), ctx.records.duplicateReviews.byParent(accountId)])
  const review = reviews.map((r) => r.record)
  const steps = dunningStepsOn({ state, items: openItemsOn(lines, today, review), dunning: dunning.map((d) => d.record), today })
  return { steps, overdue: arrearsOn(lines, today, review).overdue }
}

const stepsOf = async (ctx: BroadbandContext, accountId: string, state: AgreementState, today: LocalDate) => (await standingOf(ctx, accountId, state, today)).steps

/**
 * BB-4, BB-9: every step due today. Reads the agreements, the status events, two months' charges, then only the
 * candidates' ledger, dunning and review slices (see `candidates`); never the realm's ledger as a whole. The same
 * pass counts the accounts in arrears (BB-3: owing past due; the manager's day shows it beside the steps).
 */
export async function worklistOn(ctx: BroadbandContext, today: LocalDate): Promise<{ rows: WorklistRow[]; read: number; inArrears: number }> {
  const [agreements, changes] = await Promise.all([listAgreements(ctx), statusByAccount(ctx)])
  const states = new Map(agreements.map((a) => [a.id, agreementState(changes.get(a.id) ?? [])]))
  const byId = new Map<string, WithId<Agreement>>(agreements.map((a) => [a.id, a]))
  const ids = await candidates(ctx, today, states)
  const rows: WorklistRow[] = []
  let inArrears = 0
  for (const id of ids) {
    const agreement = byId.get(id)
    const state = states.get(id)
    if (!agreement || !state) continue
    const { steps, overdue } = await standingOf(ctx, id, state, today)
    if (overdue > 0) inArrears += 1
    for (const step of steps) {
      const kind = kindOf(step)
      rows.push({ key: `${id}:${kind}`, accountId: id, accountNo: agreement.record.accountNo, accountName: agreement.record.accountName, kind, step })
    }
  }
  rows.sort((x, y) => x.accountNo.localeCompare(y.accountNo) || x.kind.localeCompare(y.kind))
  return { rows, read: ids.size, inArrears }
}

export type ConfirmResult = { ok: true; letter?: Omit<DunningLetterFacts, 'organisation'> } | { ok: false; reason: 'no-longer-due' }

/**
 * BB-4, BB-9: a person confirmed the step the worklist proposed. Worked out again from the account's slice first
 * (another device, or a payment since, may have settled it); then the dunning event or the status event is written
 * (each audited by broadband-actions). A notice gives back what its letter says.
 */
export async function confirmStep(ctx: BroadbandContext, row: WorklistRow, clock: RunClock, options: { toDepartment: boolean; department?: string }): Promise<ConfirmResult> {
  const state = agreementState(await statusChangesOf(ctx, row.accountId))
  const step = (await stepsOf(ctx, row.accountId, state, clock.today)).find((s) => kindOf(s) === row.kind)
  if (!step) return { ok: false, reason: 'no-longer-due' }
  const base = { accountId: row.accountId, on: clock.today, at: clock.now, by: clock.userId }
  if (step.step === 'notice' || step.step === 'credit-record') {
    await recordDunning(ctx, { ...base, step: step.step, due: step.due, ...(options.toDepartment ? { department: true } : {}) })
    if (step.step === 'credit-record') return { ok: true }
    return { ok: true, letter: { accountNo: row.accountNo, accountName: row.accountName, owed: step.overdue, due: step.due, on: clock.today, ...(options.department ? { department: options.department } : {}) } }
  }
  if (step.step === 'may-suspend') await changeStatus(ctx, { ...base, to: 'suspended', reason: 'arrears' })
  else await changeStatus(ctx, { ...base, to: 'terminated', reason: step.why === 'violation' ? 'violation-unrectified' : 'arrears-terminated' })
  return { ok: true }
}
