import { describe, expect, it } from 'vitest'
import { lineSharingBackCharge } from './line-sharing'
import type { Plan } from './types'

const plan: Plan = { name: '100M campus', monthlyFee: 10_000, singlePortFee: 3_050 }

describe('BB-10 line sharing', () => {
  it('BB-10: two extra terminals found 14 April: 2 × the single-port fee for April, due at its end, service back 1 May', () => {
    expect(lineSharingBackCharge(2, plan, '2027-04-14')).toEqual({
      amount: 6_100,
      month: '2027-04',
      due: '2027-04-30',
      resumesOn: '2027-05-01',
      detail: { kind: 'line-sharing', terminals: 2, singlePortFee: 3_050 },
    })
  })
  it('BB-10: found in December, service resumes in January of the next year; found on 29 February, that February', () => {
    expect(lineSharingBackCharge(1, plan, '2027-12-31')).toMatchObject({ amount: 3_050, month: '2027-12', due: '2027-12-31', resumesOn: '2028-01-01' })
    expect(lineSharingBackCharge(3, plan, '2028-02-29')).toMatchObject({ amount: 9_150, month: '2028-02', due: '2028-02-29', resumesOn: '2028-03-01' })
  })
  it('BB-10: no extra terminal, a negative or fractional count is refused', () => {
    expect(lineSharingBackCharge(0, plan, '2027-04-14')).toEqual({ problem: 'terminals-not-positive' })
    expect(lineSharingBackCharge(-1, plan, '2027-04-14')).toEqual({ problem: 'terminals-not-positive' })
    expect(lineSharingBackCharge(1.5, plan, '2027-04-14')).toEqual({ problem: 'terminals-not-positive' })
  })
})
