/** BB-2: what is wrong with a payment as taken at the counter, before it is posted. */
import { paymentChannels } from './schemas'
import type { Fen } from '@/core/shared/units'

export type PaymentProblem = 'amount-not-positive' | 'channel-not-allowed' | 'receipt-required'

/**
 * BB-2: a payment comes only through an approved channel (the counter, the business's own website), with its
 * receipt number, for whole fen above 0 (`amount` undefined: what was typed is not an amount). Every problem at once,
 * each for its own field.
 */
export function checkPayment(p: { amount: Fen | undefined; channel: string; receiptNo: string }): Partial<Record<'amount' | 'channel' | 'receiptNo', PaymentProblem>> {
  const problems: Partial<Record<'amount' | 'channel' | 'receiptNo', PaymentProblem>> = {}
  if (p.amount === undefined || !Number.isSafeInteger(p.amount) || p.amount <= 0) problems.amount = 'amount-not-positive'
  if (!(paymentChannels as readonly string[]).includes(p.channel)) problems.channel = 'channel-not-allowed'
  if (p.receiptNo.trim() === '') problems.receiptNo = 'receipt-required'
  return problems
}
