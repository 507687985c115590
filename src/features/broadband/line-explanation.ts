import type { LedgerEntry } from '@/core/broadband/types'
import { formatFen, roundHalfUpToFen } from '@/core/shared/money'
import type { Locale } from '@/core/shared/locale'

/** One sentence of a statement line's reason: a word key and the numbers it shows (amounts already formatted). */
export interface ExplanationPart {
  key: string
  params: Record<string, string | number>
}

/**
 * What a ledger entry is and why, as the statement prints it: the bill run's month; a part month or an outage
 * credit as `days × fee ÷ days in the month` (BB-6); each late-fee stretch as `amount × days × 3‰ = result`,
 * then the cumulative fee less what earlier statements charged (BB-5); a payment's channel and receipt (BB-2);
 * a back-charge's terminals at the single-port fee (BB-10).
 */
export function lineExplanation(e: LedgerEntry, locale: Locale): ExplanationPart[] {
  const money = (fen: number) => formatFen(fen, locale)
  const d = e.detail
  const division = (days: number, fee: number, daysInMonth: number): ExplanationPart => ({ key: 'broadband.line.division', params: { days, fee: money(fee), daysInMonth, result: money(e.amount) } })
  switch (d?.kind) {
    case 'monthly-fee':
      return [{ key: 'broadband.line.monthlyFee', params: { month: e.month ?? '' } }, ...(d.days !== undefined && d.daysInMonth !== undefined ? [division(d.days, d.monthlyFee, d.daysInMonth)] : [])]
    case 'outage':
      return [{ key: 'broadband.line.outage', params: { month: e.month ?? '' } }, division(d.days, d.monthlyFee, d.daysInMonth)]
    case 'late-fee':
      return [
        { key: 'broadband.line.lateFee', params: { through: d.through } },
        // Each stretch's own result is shown rounded; the fee charged is the cumulative, rounded once (BB-5).
        ...d.segments.map((s) => ({
          key: 'broadband.line.lateFeeSegment',
          params: { amount: money(s.amount), days: s.days, rate: `${d.perMille}‰`, result: money(roundHalfUpToFen(s.amount * s.days * d.perMille, 1000)), from: s.from, through: s.through },
        })),
        { key: 'broadband.line.lateFeeTotal', params: { cumulative: money(d.cumulative), charged: money(d.charged), result: money(e.amount) } },
      ]
    case 'line-sharing':
      return [{ key: 'broadband.line.lineSharing', params: { terminals: d.terminals, fee: money(d.singlePortFee), result: money(e.amount), month: e.month ?? '' } }]
    case 'dispute':
      return [{ key: 'broadband.line.dispute', params: {} }]
    case 'correction':
      return [{ key: 'broadband.line.correction', params: { note: e.note ?? '' } }]
    default:
      if (e.kind === 'payment') return [{ key: 'broadband.line.payment', params: { channel: `broadband.channel.${e.channel ?? 'counter'}`, receiptNo: e.receiptNo ?? '' } }]
      return [{ key: `broadband.kind.${e.kind}`, params: {} }]
  }
}
