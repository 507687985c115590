import { agreementState } from '@/core/broadband/status-fold'
import { billRunPreview, chargeEntries, type BillableAccount, type PlannedCharge, type SkipReason } from '@/core/broadband/bill-run'
import type { StatusChange, WithId } from '@/core/broadband/types'
import type { YearMonth } from '@/core/shared/calendar-month'
import type { Fen, LocalDate } from '@/core/shared/units'
import { chargedAccountsOf, listAgreements, postEntries, type BroadbandContext } from './broadband-actions'

/** What a run's preview shows: each charge and skip with the account's number and name. */
export interface BillRunView {
  month: YearMonth
  due: LocalDate
  charges: Array<PlannedCharge & { accountNo: string; accountName: string }>
  skipped: Array<{ accountId: string; accountNo: string; accountName: string; why: SkipReason }>
  total: Fen
}

/** Who runs it, on which day, at which instant. */
export interface RunClock {
  today: LocalDate
  now: number
  userId: string
}

/** Every account's status events, grouped: the realm's `bb-status` events are few per account, read in one pass. */
export async function statusByAccount(ctx: BroadbandContext): Promise<Map<string, WithId<StatusChange>[]>> {
  const byAccount = new Map<string, WithId<StatusChange>[]>()
  for (const change of await ctx.records.statusChanges.list()) {
    const list = byAccount.get(change.record.accountId)
    if (list) list.push(change)
    else byAccount.set(change.record.accountId, [change])
  }
  return byAccount
}

/**
 * Issue 12 §3: the month's plan. Reads the agreements, their status events and the month's charges (one slice),
 * never a ledger line of any other month or kind: what makes a 10,000-account run affordable.
 */
export async function previewBillRun(ctx: BroadbandContext, month: YearMonth, today: LocalDate): Promise<BillRunView | { problem: 'month-not-begun' }> {
  const [agreements, statuses, billed] = await Promise.all([listAgreements(ctx), statusByAccount(ctx), chargedAccountsOf(ctx, month)])
  const accounts: BillableAccount[] = agreements.map((a) => ({ accountId: a.id, monthlyFee: a.record.plan.monthlyFee, state: agreementState(statuses.get(a.id) ?? []) }))
  const plan = billRunPreview(accounts, billed, month, today)
  if ('problem' in plan) return plan
  const named = new Map(agreements.map((a) => [a.id, { accountNo: a.record.accountNo, accountName: a.record.accountName }]))
  const name = (id: string) => named.get(id) ?? { accountNo: '', accountName: '' }
  const byNo = (x: { accountNo: string }, y: { accountNo: string }) => x.accountNo.localeCompare(y.accountNo)
  return {
    month,
    due: plan.due,
    charges: plan.charges.map((c) => ({ ...c, ...name(c.accountId) })).sort(byNo),
    skipped: plan.skipped.map((s) => ({ ...s, ...name(s.accountId) })).sort(byNo),
    total: plan.total,
  }
}

/**
 * Posts the charges of a previewed plan, the ones the agent saw and confirmed, in one transaction (postEntries: all
 * or none, audited `broadband.post` with the count and the month). Only the month's charges are read again: an
 * account charged since the preview (a second tap, another tab, a sync) is not charged twice on this device; two
 * offline devices are reconciled by the ledger fold (one charge per account and month counts). An agreement changed
 * by a sync between preview and post is billed as previewed, as it would have been had the sync come a moment later.
 */
export async function postBillRun(ctx: BroadbandContext, plan: BillRunView, clock: RunClock, runId: string): Promise<{ count: number; total: Fen }> {
  const billed = await chargedAccountsOf(ctx, plan.month)
  const charges = plan.charges.filter((c) => !billed.has(c.accountId))
  const entries = chargeEntries({ ...plan, charges, total: 0 }, runId, clock.userId, clock.now, clock.today)
  await postEntries(ctx, entries)
  return { count: entries.length, total: entries.reduce((sum, e) => sum + e.amount, 0) }
}
