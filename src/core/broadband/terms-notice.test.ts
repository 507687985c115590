import { describe, expect, it } from 'vitest'
import { checkNoticeChannels, checkTermsNotice, termsStanding } from './terms-notice'
import type { Objection } from './types'

const notice = { effectiveOn: '2027-07-01' }
const objection = (outcome: Objection['outcome'], on: string, at: number): Objection => ({ noticeId: 'n1', accountId: 'acc', on, at, by: 'agent', outcome })

describe('BB-13 change of terms', () => {
  it('BB-13: the new terms must apply after the day the notice is posted', () => {
    expect(checkTermsNotice('2027-06-01', '2027-07-01')).toEqual({ ok: true })
    expect(checkTermsNotice('2027-06-01', '2027-06-02')).toEqual({ ok: true })
    expect(checkTermsNotice('2027-06-01', '2027-06-01')).toEqual({ ok: false, problem: 'effective-not-after-notice' })
    expect(checkTermsNotice('2027-06-01', '2027-05-31')).toEqual({ ok: false, problem: 'effective-not-after-notice' })
  })

  it('BB-13: no objection: open until the day before the terms apply, accepted from that day', () => {
    expect(termsStanding(notice, [], '2027-06-30')).toBe('open')
    expect(termsStanding(notice, [], '2027-07-01')).toBe('accepted')
  })

  it('BB-13: an objection recorded in time stands; then agreed, or the agreement ends; ended is final', () => {
    expect(termsStanding(notice, [objection('recorded', '2027-06-20', 1)], '2027-06-21')).toBe('objected')
    expect(termsStanding(notice, [objection('recorded', '2027-06-20', 1)], '2027-07-05')).toBe('objected')
    expect(termsStanding(notice, [objection('agreed', '2027-07-03', 2), objection('recorded', '2027-06-20', 1)], '2027-07-05')).toBe('agreed')
    expect(termsStanding(notice, [objection('recorded', '2027-06-20', 1), objection('ended', '2027-07-03', 2)], '2027-07-05')).toBe('ended')
    expect(termsStanding(notice, [objection('ended', '2027-06-25', 1), objection('agreed', '2027-06-26', 2)], '2027-07-05')).toBe('ended')
  })

  it('BB-13: an objection first raised on or after the day the terms apply is too late: the terms were accepted', () => {
    expect(termsStanding(notice, [objection('recorded', '2027-07-01', 1)], '2027-07-02')).toBe('accepted')
  })
})

describe('BB-8, BB-13 notice channels', () => {
  it('BB-8, BB-13: a notice goes out through at least one channel', () => {
    expect(checkNoticeChannels([])).toEqual({ ok: false, problem: 'no-channel' })
    expect(checkNoticeChannels(['sms'])).toEqual({ ok: true })
    expect(checkNoticeChannels(['web', 'group'])).toEqual({ ok: true })
  })
})
