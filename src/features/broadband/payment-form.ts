import { paymentChannels } from '@/core/broadband/schemas'
import type { PaymentChannel } from '@/core/broadband/types'
import type { Fen } from '@/core/shared/units'
import { positiveYuan } from './yuan-field'

export interface PaymentFormText {
  amount: string
  channel: string
  receiptNo: string
}

export type PaymentFormProblem = 'amount-not-positive' | 'amount-format' | 'channel-not-allowed' | 'receipt-required'
export type PaymentFormProblems = Partial<Record<keyof PaymentFormText, PaymentFormProblem>>

export interface PaymentDraft {
  amount: Fen
  channel: PaymentChannel
  receiptNo: string
}

const isChannel = (c: string): c is PaymentChannel => (paymentChannels as readonly string[]).includes(c)

/** BB-2: a payment as typed: more than 0, through the counter or the website only, with a receipt number; every problem at once. */
export function readPaymentForm(f: PaymentFormText): { ok: true; payment: PaymentDraft } | { ok: false; problems: PaymentFormProblems } {
  const problems: PaymentFormProblems = {}
  const amount = positiveYuan(f.amount)
  if ('problem' in amount) problems.amount = amount.problem === 'not-positive' ? 'amount-not-positive' : 'amount-format'
  if (!isChannel(f.channel)) problems.channel = 'channel-not-allowed'
  const receiptNo = f.receiptNo.trim()
  if (!receiptNo) problems.receiptNo = 'receipt-required'
  if ('problem' in amount || !isChannel(f.channel) || !receiptNo) return { ok: false, problems }
  return { ok: true, payment: { amount: amount.fen, channel: f.channel, receiptNo } }
}
