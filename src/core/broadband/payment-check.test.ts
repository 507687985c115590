import { describe, expect, it } from 'vitest'
import { checkPayment } from './payment-check'

describe('BB-2 payment check', () => {
  it('BB-2: a payment at the counter or on the website with a receipt number and an amount above 0 passes', () => {
    expect(checkPayment({ amount: 10_000, channel: 'counter', receiptNo: 'R-0001' })).toEqual({})
    expect(checkPayment({ amount: 1, channel: 'website', receiptNo: 'WEB20270401' })).toEqual({})
  })
  it('BB-2: an unlisted channel (WeChat, cash to a person) is refused', () => {
    expect(checkPayment({ amount: 10_000, channel: 'wechat', receiptNo: 'R-1' })).toEqual({ channel: 'channel-not-allowed' })
    expect(checkPayment({ amount: 10_000, channel: '', receiptNo: 'R-1' })).toEqual({ channel: 'channel-not-allowed' })
    expect(checkPayment({ amount: 10_000, channel: 'Counter', receiptNo: 'R-1' })).toEqual({ channel: 'channel-not-allowed' })
  })
  it('BB-2: a blank receipt number is refused', () => {
    expect(checkPayment({ amount: 10_000, channel: 'counter', receiptNo: '   ' })).toEqual({ receiptNo: 'receipt-required' })
  })
  it('BB-2: an amount of 0, below 0, not whole fen or missing (unreadable as typed) is refused; every problem is said at once', () => {
    expect(checkPayment({ amount: 0, channel: 'counter', receiptNo: 'R-1' })).toEqual({ amount: 'amount-not-positive' })
    expect(checkPayment({ amount: -500, channel: 'counter', receiptNo: 'R-1' })).toEqual({ amount: 'amount-not-positive' })
    expect(checkPayment({ amount: 0.5, channel: 'counter', receiptNo: 'R-1' })).toEqual({ amount: 'amount-not-positive' })
    expect(checkPayment({ amount: undefined, channel: 'wechat', receiptNo: '' })).toEqual({ amount: 'amount-not-positive', channel: 'channel-not-allowed', receiptNo: 'receipt-required' })
  })
})
