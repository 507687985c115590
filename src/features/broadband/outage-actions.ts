import { outageCredit, type MonthCredit } from '@/core/broadband/outage-credit'
import { agreementState } from '@/core/broadband/status-fold'
import type { Agreement, LedgerEntry, Outage, WithId } from '@/core/broadband/types'
import type { Fen } from '@/core/shared/units'
import { findAgreementsByAccountNo, postEntries, statusChangesOf, type BroadbandContext } from './broadband-actions'
import { listOutages, saveOutage } from './broadband-case-actions'
import type { RunClock } from './bill-run-actions'

/** One account's BB-6 credit for an outage, month by month with the numbers the statement shows. */
export interface AccountCredit {
  accountId: string
  accountNo: string
  accountName: string
  months: MonthCredit[]
  total: Fen
}

export type OutageCredits =
  | { due: true; accounts: AccountCredit[]; total: Fen; count: number }
  | { due: false; why: 'not-business-caused' | 'repaired-in-time' | 'ongoing' }

export interface OutageRow {
  id: string
  outage: Outage
  credits: OutageCredits
}

/** The live agreements (not terminated) holding each account number, or the numbers no live agreement holds. */
export async function liveAccountsByNo(ctx: BroadbandContext, accountNos: readonly string[]): Promise<{ ids: string[]; unknown: string[] }> {
  const ids: string[] = []
  const unknown: string[] = []
  for (const no of accountNos) {
    let found: string | undefined
    for (const a of await findAgreementsByAccountNo(ctx, no)) {
      if (agreementState(await statusChangesOf(ctx, a.id)).status !== 'terminated') found = a.id
    }
    if (found) ids.push(found)
    else unknown.push(no)
  }
  return { ids, unknown }
}

/** BB-6: what an outage credits each affected account (their agreements opened one by one: an outage touches few). */
export async function creditsOf(ctx: BroadbandContext, outage: Outage, tz: string): Promise<OutageCredits> {
  if (outage.end === undefined) return { due: false, why: 'ongoing' }
  const accounts: AccountCredit[] = []
  for (const accountId of outage.accountIds) {
    const agreement: Agreement | undefined = await ctx.records.agreements.get(accountId)
    if (!agreement) continue
    const credit = outageCredit({ start: outage.start, end: outage.end, businessCaused: outage.businessCaused, promisedBy: outage.promisedBy }, agreement.plan.monthlyFee, tz)
    if ('problem' in credit) continue
    if (!credit.due) return { due: false, why: credit.why }
    accounts.push({ accountId, accountNo: agreement.accountNo, accountName: agreement.accountName, months: credit.months, total: credit.total })
  }
  accounts.sort((x, y) => x.accountNo.localeCompare(y.accountNo))
  return { due: true, accounts, total: accounts.reduce((sum, a) => sum + a.total, 0), count: accounts.reduce((n, a) => n + a.months.filter((m) => m.credit > 0).length, 0) }
}

/** Every outage (few: listed whole), newest first, with its credits. */
export async function outageRows(ctx: BroadbandContext, tz: string): Promise<OutageRow[]> {
  const outages: WithId<Outage>[] = await listOutages(ctx)
  outages.sort((x, y) => y.record.start - x.record.start)
  const rows: OutageRow[] = []
  for (const o of outages) rows.push({ id: o.id, outage: o.record, credits: await creditsOf(ctx, o.record, tz) })
  return rows
}

export type OutageWriteResult = { ok: true; id: string } | { ok: false; problem: 'end-before-start' | 'already-credited' | 'no-credit' | 'unknown' }

/** BB-6: a repaired outage gets its end (never before its start). */
export async function endOutage(ctx: BroadbandContext, id: string, end: number): Promise<OutageWriteResult> {
  const outage = await ctx.records.outages.get(id)
  if (!outage) return { ok: false, problem: 'unknown' }
  if (!(end > outage.start)) return { ok: false, problem: 'end-before-start' }
  await saveOutage(ctx, { ...outage, end }, id)
  return { ok: true, id }
}

/**
 * BB-6: posts an outage's credits once, after a person confirmed them: one `credit` entry per account and calendar
 * month (detail `outage` with the days and the division), all in one transaction, then `creditedAt` on the outage.
 * A second post is refused on `creditedAt`.
 */
export async function postOutageCredits(ctx: BroadbandContext, id: string, tz: string, clock: RunClock): Promise<OutageWriteResult> {
  const outage = await ctx.records.outages.get(id)
  if (!outage) return { ok: false, problem: 'unknown' }
  if (outage.creditedAt !== undefined) return { ok: false, problem: 'already-credited' }
  const credits = await creditsOf(ctx, outage, tz)
  if (!credits.due) return { ok: false, problem: 'no-credit' }
  const entries: LedgerEntry[] = credits.accounts.flatMap((a) =>
    a.months
      .filter((m) => m.credit > 0)
      .map((m): LedgerEntry => ({
        accountId: a.accountId,
        kind: 'credit',
        amount: m.credit,
        on: clock.today,
        at: clock.now,
        by: clock.userId,
        month: m.month,
        detail: { kind: 'outage', outageId: id, days: m.days, daysInMonth: m.daysInMonth, monthlyFee: m.monthlyFee },
      })),
  )
  await postEntries(ctx, entries)
  await saveOutage(ctx, { ...outage, creditedAt: clock.now }, id)
  return { ok: true, id }
}
