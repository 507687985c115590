/** MEM-1: what a term costs, and what it saves against paying month by month. */
import { monthsIn } from './term-dates'
import type { Fen, Term, Tier } from './types'

/** MEM-1: the listed price of `term`: what is charged, as is. */
export function priceFor(tier: Tier, term: Term): Fen {
  return tier.prices[term]
}

/**
 * MEM-1: the real saving of a longer term against paying the monthly price
 * for as many months. The listed price is charged as is, so the app shows
 * this instead of an advertised percentage (the default yearly VIP 9600.00 is
 * 1920.00 less than 12 × 960.00, not the "20% off" the source claims).
 * `saving` is 0 for the monthly term and negative when a longer term costs more.
 */
export function savingAgainstMonthly(tier: Tier, term: Term): { months: number; monthlyTotal: Fen; listed: Fen; saving: Fen } {
  const months = monthsIn[term]
  const monthlyTotal = months * tier.prices.month
  const listed = priceFor(tier, term)
  return { months, monthlyTotal, listed, saving: monthlyTotal - listed }
}
