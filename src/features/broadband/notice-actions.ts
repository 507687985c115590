import { statusChangeAllowed } from '@/core/broadband/account-status'
import { agreementState } from '@/core/broadband/status-fold'
import { statementNotices, type StatementNotice } from '@/core/broadband/statement-notices'
import type { BroadbandNotice, Objection, WithId } from '@/core/broadband/types'
import type { YearMonth } from '@/core/shared/calendar-month'
import type { LocalDate } from '@/core/shared/units'
import { changeStatus, statusChangesOf, type BroadbandContext } from './broadband-actions'
import { listNotices, postNotice, recordObjection } from './broadband-case-actions'
import type { RunClock } from './bill-run-actions'
import type { NoticeBody } from './notice-draft'
import { liveAccountsByNo } from './outage-actions'

/** A posted notice with the objections to it (BB-13), each with its account's number. */
export interface NoticeRow {
  id: string
  notice: BroadbandNotice
  objections: Array<WithId<Objection> & { accountNo: string }>
}

/** Every notice (few: listed whole), newest first, with the objections to it (few too: the realm's, read in one pass). */
export async function noticeRows(ctx: BroadbandContext): Promise<NoticeRow[]> {
  const [notices, objections] = await Promise.all([listNotices(ctx), ctx.records.objections.list()])
  const numbers = new Map<string, string>()
  for (const o of objections) if (!numbers.has(o.record.accountId)) numbers.set(o.record.accountId, (await ctx.records.agreements.get(o.record.accountId))?.accountNo ?? '')
  return notices
    .sort((x, y) => y.record.postedAt - x.record.postedAt)
    .map((n) => ({
      id: n.id,
      notice: n.record,
      objections: objections
        .filter((o) => o.record.noticeId === n.id)
        .sort((x, y) => x.record.at - y.record.at)
        .map((o) => ({ ...o, accountNo: numbers.get(o.record.accountId) ?? '' })),
    }))
}

/** BB-8, BB-13: posts a checked notice to every live account (no list) or to the listed account numbers, all of them live. */
export async function postCheckedNotice(ctx: BroadbandContext, body: NoticeBody, accountNos: string[] | undefined, clock: RunClock): Promise<{ ok: true; id: string } | { ok: false; unknown: string[] }> {
  let accountIds: string[] | undefined
  if (accountNos) {
    const found = await liveAccountsByNo(ctx, accountNos)
    if (found.unknown.length) return { ok: false, unknown: found.unknown }
    accountIds = found.ids
  }
  const id = await postNotice(ctx, { ...body, ...(accountIds ? { accountIds } : {}), postedAt: clock.now, postedOn: clock.today, postedBy: clock.userId })
  return { ok: true, id }
}

export type ObjectionResult = { ok: true } | { ok: false; problem: 'unknown' | 'not-concerned' | 'cannot-end' }

/**
 * BB-13: records a subscriber's objection to a change of terms and its outcome. One that cannot be agreed ends the
 * agreement: a `terminated` status event, reason `objection`, written after the objection.
 */
export async function objectTo(ctx: BroadbandContext, noticeId: string, accountNo: string, outcome: Objection['outcome'], note: string, clock: RunClock): Promise<ObjectionResult> {
  const notice = await ctx.records.notices.get(noticeId)
  const { ids } = await liveAccountsByNo(ctx, [accountNo])
  const accountId = ids[0]
  if (!notice || !accountId) return { ok: false, problem: 'unknown' }
  if (notice.accountIds && !notice.accountIds.includes(accountId)) return { ok: false, problem: 'not-concerned' }
  const state = agreementState(await statusChangesOf(ctx, accountId))
  if (outcome === 'ended' && !statusChangeAllowed(state.status, 'terminated')) return { ok: false, problem: 'cannot-end' }
  const on = clock.today
  await recordObjection(ctx, { noticeId, accountId, on, at: clock.now, by: clock.userId, outcome, ...(note.trim() ? { note: note.trim() } : {}) })
  if (outcome === 'ended') await changeStatus(ctx, { accountId, to: 'terminated', on, at: clock.now, by: clock.userId, reason: 'objection' })
  return { ok: true }
}

/**
 * BB-8, BB-13: the notices an account's statement for `month` carries, with its standing on changes of terms.
 * Reads the month's notices (their `day` slice) and the account's objections, nothing else.
 */
export async function statementNoticesOf(ctx: BroadbandContext, accountId: string, month: YearMonth, statementDate: LocalDate, endedOn?: LocalDate): Promise<StatementNotice[]> {
  const [notices, objections] = await Promise.all([ctx.records.notices.onDay(`${month}-01`), ctx.records.objections.byParent(accountId)])
  return statementNotices(notices, accountId, month, statementDate, objections.map((o) => o.record), endedOn)
}
