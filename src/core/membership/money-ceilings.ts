/**
 * The most each kind of amount may be, in fen. Not business limits: a guard against a slip of the
 * keyboard (a price of 99,999,999,999.00 once saved and would have been charged). Each sits far
 * above anything a community space charges, so no real amount is refused, and low enough that an
 * extra few zeros are caught. Checked where settings are saved and while the amount is typed;
 * stored records are not held to them (a record saved before them must still open).
 */
import type { Fen } from '@/core/shared/units'

export const moneyCeilings = {
  /** A tier's price for one term, a year included: 1,000,000.00 is some hundred times a year's VIP fee. */
  price: 1_000_000_00,
  /** A tier's deposit, held while the membership lasts: 100,000.00 is a hundred times today's VIP deposit. */
  deposit: 100_000_00,
  /** One payment taken at the desk: a term at the dearest price and the largest deposit together. */
  payment: 1_100_000_00,
} as const satisfies Record<string, Fen>
