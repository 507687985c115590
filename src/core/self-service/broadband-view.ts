/** BB-2, BB-5, BB-7 (issue 14): a subscriber's own broadband account and monthly statements, as the counter shows them. */
import { disputeOptions, type DisputeState } from '@/core/broadband/dispute-options'
import { balanceOf } from '@/core/broadband/ledger-fold'
import { statementOf, type Statement } from '@/core/broadband/statement'
import type { BroadbandNotice, Objection, WithId } from '@/core/broadband/types'
import { monthOf } from '@/core/shared/calendar-month'
import { accountNotices } from './broadband-notices'
import { disputeGate, ownSlice, statementDateOf, type BroadbandSlice, type OwnSlice } from './broadband-slice'
import type { SelfBroadbandAccount, SelfBroadbandMonth, SelfDisputeState, SelfStatementLine } from './schemas'

/** The account view also carries the notices concerning it (BB-8, BB-13) and the subscriber's objections. */
export interface BroadbandAccountSlice extends BroadbandSlice {
  notices: readonly WithId<BroadbandNotice>[]
  objections: readonly Objection[]
}

// The counter's statement of each month that has lines, newest first: the same call the statement page makes.
function statements(s: OwnSlice): Statement[] {
  const months = [...new Set(s.lines.map((l) => monthOf(l.record.on)))].sort().reverse()
  return months.map((month) => statementOf(s.accountId, s.lines, month, statementDateOf(month, s.today), s.reviews)).filter((st) => st.lines.length > 0)
}

const notACharge: SelfDisputeState = { state: 'closed', reason: 'not-a-charge' }

function selfDispute(state: DisputeState): SelfDisputeState {
  if (state.open) return { state: 'open' }
  return state.reason === 'window-closed' ? { state: 'closed', reason: 'window-closed', closedOn: state.closedOn } : { state: 'closed', reason: state.reason }
}

/**
 * BB-2, BB-5, BB-7: one view per month with lines (`self-bb-month:<accountId>:<YYYY-MM>`), newest first. Its numbers
 * are `statementOf`'s for the counter's statement date (the month's last day, or today while it runs), to the fen;
 * each line says whether it may still be disputed today and, if not, why (`disputeOptions`).
 */
export function broadbandMonthViews(slice: BroadbandSlice): SelfBroadbandMonth[] {
  const s = ownSlice(slice)
  const disputes = new Map(disputeOptions(s.lines, s.disputes, s.today, disputeGate(s)).map((o) => [o.entryId, selfDispute(o.state)]))
  return statements(s).map((st): SelfBroadbandMonth => {
    const { through, perMille, segments, cumulative, charged } = st.lateFee
    return {
      accountId: s.accountId,
      month: st.month,
      from: st.from,
      through: st.through,
      opening: st.opening,
      debits: st.debits,
      credits: st.credits,
      closing: st.closing,
      lines: st.lines.map(
        ({ id, entry, debit, credit, balance }): SelfStatementLine => ({
          id,
          kind: entry.kind,
          on: entry.on,
          debit,
          credit,
          balance,
          ...(entry.month !== undefined ? { month: entry.month } : {}),
          ...(entry.detail !== undefined ? { detail: entry.detail } : {}),
          ...(entry.receiptNo !== undefined ? { receiptNo: entry.receiptNo } : {}),
          dispute: disputes.get(id) ?? notACharge,
        }),
      ),
      lateFee: { through, perMille, segments, cumulative, charged },
      foldedAt: s.now,
    }
  })
}

/**
 * BB-1 … BB-13: the account view (`self-bb-account:<accountId>`): plan, status (the fold of its events), the balance
 * the account page shows (`balanceOf`: what is owed, negative in credit), the months that have a statement (newest
 * first), the notices concerning the account, and its disputes, newest first.
 */
export function broadbandAccountView(slice: BroadbandAccountSlice): SelfBroadbandAccount {
  const s = ownSlice(slice)
  const disputes = [...s.disputes]
    .sort((a, b) => (a.record.raisedOn < b.record.raisedOn ? 1 : a.record.raisedOn > b.record.raisedOn ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map(({ id, record: d }) => ({ id, entryId: d.entryId, raisedOn: d.raisedOn, status: d.status }))
  return {
    accountId: s.accountId,
    accountNo: s.agreement.accountNo,
    planName: s.agreement.plan.name,
    monthlyFee: s.agreement.plan.monthlyFee,
    status: s.state.status,
    balance: balanceOf(s.lines, s.reviews),
    months: statements(s).map((st) => st.month),
    notices: accountNotices(s, slice.notices, slice.objections),
    disputes,
    foldedAt: s.now,
  }
}
