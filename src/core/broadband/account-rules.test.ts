import { describe, expect, it } from 'vitest'
import { instantOf } from '@/core/shared/local-date'
import { accountStatuses, statusChangeAllowed } from './account-status'
import { disputeWindow } from './dispute-window'
import { checkMaintenanceNotice } from './notice-lead'

describe('BB-1 agreement status', () => {
  it('BB-1: pending → active → suspended → active or terminated; terminated is final', () => {
    const pairs = accountStatuses.flatMap((from) => accountStatuses.filter((to) => statusChangeAllowed(from, to)).map((to) => `${from}→${to}`))
    expect(pairs).toEqual(['pending→active', 'pending→terminated', 'active→suspended', 'active→terminated', 'suspended→active', 'suspended→terminated'])
  })
  it('BB-1: a pending agreement cannot be suspended, nor a terminated one revived', () => {
    expect(statusChangeAllowed('pending', 'suspended')).toBe(false)
    expect(statusChangeAllowed('terminated', 'active')).toBe(false)
    expect(statusChangeAllowed('active', 'active')).toBe(false)
  })
})

describe('BB-7 dispute window', () => {
  it('BB-7: open up to and including six months after the charge, then closed with the day it closed', () => {
    expect(disputeWindow('2027-01-15', '2027-07-15')).toEqual({ open: true, lastDay: '2027-07-15' })
    expect(disputeWindow('2027-01-15', '2027-07-16')).toEqual({ open: false, reason: 'window-closed', closedAfter: '2027-07-15' })
  })
  it('BB-7: a charge on 31 August can be disputed until the end of February', () => {
    expect(disputeWindow('2027-08-31', '2028-02-29')).toMatchObject({ open: true, lastDay: '2028-02-29' })
    expect(disputeWindow('2027-08-31', '2028-03-01')).toMatchObject({ open: false })
  })
})

describe('BB-8 maintenance notice', () => {
  const tz = 'Asia/Shanghai'
  const notice = instantOf('2027-03-01', '09:00', tz)
  it('BB-8: 48 hours of notice is enough; 47 hours 59 minutes is refused, with the earliest start allowed', () => {
    expect(checkMaintenanceNotice(notice, instantOf('2027-03-03', '09:00', tz))).toEqual({ ok: true })
    expect(checkMaintenanceNotice(notice, instantOf('2027-03-03', '08:59', tz))).toEqual({ ok: false, problem: 'lead-too-short', earliestStart: instantOf('2027-03-03', '09:00', tz) })
    expect(checkMaintenanceNotice(notice, instantOf('2027-03-03', '08:00', tz))).toMatchObject({ ok: false, problem: 'lead-too-short' }) // 47 hours
  })
  it('BB-8: work that starts before (or as) the notice is given is refused as such', () => {
    expect(checkMaintenanceNotice(notice, notice)).toMatchObject({ ok: false, problem: 'starts-before-notice' })
    expect(checkMaintenanceNotice(notice, notice - 60_000)).toMatchObject({ ok: false, problem: 'starts-before-notice' })
  })
})
