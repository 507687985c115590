import { describe, expect, it } from 'vitest'
import { callOffExpected } from './call-off'
import type { ExpectedVisit } from './types'

const expected: ExpectedVisit = { day: '2026-12-07', name: '陈预约', category: 'supplier', purpose: '送货', hostId: 'host-1', by: 'host-1', at: 1_800_000_000_000 }

describe('calling off an expected visitor (REC-1)', () => {
  it('REC-1: a desk user calls off an expected visitor: the same record, marked cancelled', () => {
    expect(callOffExpected(expected, { userId: 'desk-1', deskUser: true })).toEqual({ ok: true, record: { ...expected, cancelled: true } })
  })

  it('REC-1: the host who pre-registered may call it off without being a desk user', () => {
    expect(callOffExpected(expected, { userId: 'host-1', deskUser: false })).toEqual({ ok: true, record: { ...expected, cancelled: true } })
  })

  it('REC-1: anyone else may not', () => {
    expect(callOffExpected(expected, { userId: 'someone', deskUser: false })).toEqual({ ok: false, problem: 'not-allowed' })
  })

  it('REC-1: a visitor who already came is not called off (their visit stands), nor one called off already', () => {
    expect(callOffExpected({ ...expected, arrivedVisitId: 'visit:1' }, { userId: 'desk-1', deskUser: true })).toEqual({ ok: false, problem: 'arrived' })
    expect(callOffExpected({ ...expected, cancelled: true }, { userId: 'desk-1', deskUser: true })).toEqual({ ok: false, problem: 'cancelled' })
  })
})
