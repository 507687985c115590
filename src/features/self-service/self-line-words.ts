import type { LedgerEntry } from '@/core/broadband/types'
import type { SelfBroadbandMonth, SelfStatementLine } from '@/core/self-service/schemas'
import type { Locale } from '@/core/shared/locale'
import { lineExplanation, type ExplanationPart } from '@/features/broadband/line-explanation'

// The counter's words are the broadband desk's, loaded only with its pages: the member's screens keep their own
// copy under `selfService.` (the same sentences, and the same numbers, so a statement reads alike on both).
const own = (parts: ExplanationPart[]): ExplanationPart[] => parts.map((p) => ({ ...p, key: p.key.replace(/^broadband\./, 'selfService.') }))

/** What a statement line is and why (BB-2, BB-5, BB-6, BB-10), as the counter's statement says it. */
export function lineParts(accountId: string, line: SelfStatementLine, locale: Locale): ExplanationPart[] {
  // The member's view carries a payment's receipt, not its channel, and no correction's note: say only what it holds.
  if (line.kind === 'payment') return line.receiptNo ? [{ key: 'selfService.line.payment', params: { receiptNo: line.receiptNo } }] : [{ key: 'selfService.kind.payment', params: {} }]
  if (line.detail?.kind === 'correction') return [{ key: 'selfService.line.correction', params: {} }]
  const entry: LedgerEntry = { accountId, kind: line.kind, amount: line.debit || line.credit, on: line.on, at: 0, by: '' }
  if (line.month) entry.month = line.month
  if (line.detail) entry.detail = line.detail
  return own(lineExplanation(entry, locale))
}

/**
 * BB-5: the statement's late-fee formula, each stretch `amount × days × 3‰` and the total less what earlier
 * statements charged; undefined when nothing was ever overdue through the statement date.
 */
export function lateFeeParts(statement: SelfBroadbandMonth, locale: Locale): ExplanationPart[] | undefined {
  const fee = statement.lateFee
  if (!fee.segments.length && !fee.cumulative && !fee.charged) return undefined
  const entry: LedgerEntry = {
    accountId: statement.accountId,
    kind: 'late-fee',
    amount: fee.cumulative - fee.charged,
    on: fee.through,
    at: 0,
    by: '',
    month: statement.month,
    detail: { kind: 'late-fee', through: fee.through, segments: fee.segments, perMille: fee.perMille, cumulative: fee.cumulative, charged: fee.charged },
  }
  return own(lineExplanation(entry, locale))
}
