import { describe, expect, it } from 'vitest'
import { readPaymentForm } from './payment-form'

describe('BB-2 a payment as typed at the counter', () => {
  it('reads the amount in fen, the channel and the receipt number', () => {
    expect(readPaymentForm({ amount: '1,234.50', channel: 'counter', receiptNo: ' R-001 ' })).toEqual({ ok: true, payment: { amount: 1234_50, channel: 'counter', receiptNo: 'R-001' } })
  })

  it('refuses a channel that is not the counter or the website (WeChat), and a blank receipt number', () => {
    expect(readPaymentForm({ amount: '100', channel: 'wechat', receiptNo: '  ' })).toEqual({ ok: false, problems: { channel: 'channel-not-allowed', receiptNo: 'receipt-required' } })
  })

  it('refuses an amount of 0 or one that is not an amount', () => {
    expect(readPaymentForm({ amount: '0', channel: 'website', receiptNo: 'W-9' })).toEqual({ ok: false, problems: { amount: 'amount-not-positive' } })
    expect(readPaymentForm({ amount: '12.345', channel: 'website', receiptNo: 'W-9' })).toEqual({ ok: false, problems: { amount: 'amount-format' } })
  })
})
