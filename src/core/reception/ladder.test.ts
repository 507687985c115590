import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultReceptionSettings } from './defaults'
import { ladderStanding } from './ladder'
import type { Incident, IncidentKind } from './types'

const settings = defaultReceptionSettings()

let serial = 0
function incident(kind: IncidentKind, day: string, staffId = 'host-1'): Incident {
  serial += 1
  return { kind, staffId, note: `incident ${serial}`, at: serial, day, by: 'lead-1', deviceId: 'd1' }
}
const times = (n: number, kind: IncidentKind, year = '2027') => Array.from({ length: n }, (_, i) => incident(kind, `${year}-0${(i % 9) + 1}-15`))

describe('REC-7 improper reception: education, verbal warning, written warning, a fine of 50.00', () => {
  const kind = 'improper-reception'
  it('REC-7: no incident this year is step 0, nothing due', () => {
    expect(ladderStanding(settings, kind, [], 'host-1', '2027')).toEqual({ step: 0, of: 4, actions: [], fine: 0 })
  })
  it('REC-7: the 1st time is education', () => {
    expect(ladderStanding(settings, kind, times(1, kind), 'host-1', '2027')).toEqual({ step: 1, of: 4, actions: ['education'], fine: 0 })
  })
  it('REC-7: the 2nd time is a verbal warning', () => {
    expect(ladderStanding(settings, kind, times(2, kind), 'host-1', '2027')).toEqual({ step: 2, of: 4, actions: ['verbal-warning'], fine: 0 })
  })
  it('REC-7: the 3rd time is a written warning', () => {
    expect(ladderStanding(settings, kind, times(3, kind), 'host-1', '2027')).toEqual({ step: 3, of: 4, actions: ['written-warning'], fine: 0 })
  })
  it('REC-7: the 4th time is a fine of 50.00', () => {
    expect(ladderStanding(settings, kind, times(4, kind), 'host-1', '2027')).toEqual({ step: 4, of: 4, actions: ['fine'], fine: 50_00 })
  })
  it('REC-7: the 5th time the ladder is exhausted: escalate, no invented fine', () => {
    expect(ladderStanding(settings, kind, times(5, kind), 'host-1', '2027')).toEqual({ exhausted: true, count: 5, lastStep: 4 })
  })
})

describe('REC-7 the host’s visitor seen without a badge: verbal warning and 50.00, written warning and 100.00', () => {
  const kind = 'no-badge'
  it('REC-7: the 1st time is a verbal warning and a fine of 50.00', () => {
    expect(ladderStanding(settings, kind, times(1, kind), 'host-1', '2027')).toEqual({ step: 1, of: 2, actions: ['verbal-warning', 'fine'], fine: 50_00 })
  })
  it('REC-7: the 2nd time is a written warning and a fine of 100.00', () => {
    expect(ladderStanding(settings, kind, times(2, kind), 'host-1', '2027')).toEqual({ step: 2, of: 2, actions: ['written-warning', 'fine'], fine: 100_00 })
  })
  it('REC-7: the 3rd time the ladder is exhausted', () => {
    expect(ladderStanding(settings, kind, times(3, kind), 'host-1', '2027')).toEqual({ exhausted: true, count: 3, lastStep: 2 })
  })
})

describe('REC-7 what counts', () => {
  it('REC-7: incidents of last year are not counted (the ladder starts again each calendar year)', () => {
    const history = [...times(2, 'no-badge', '2026'), incident('no-badge', '2027-01-01')]
    expect(ladderStanding(settings, 'no-badge', history, 'host-1', '2027')).toMatchObject({ step: 1, fine: 50_00 })
    expect(ladderStanding(settings, 'no-badge', history, 'host-1', '2026')).toMatchObject({ step: 2, fine: 100_00 })
  })
  it('REC-7: the last day of the year still counts for that year', () => {
    expect(ladderStanding(settings, 'no-badge', [incident('no-badge', '2026-12-31')], 'host-1', '2027')).toMatchObject({ step: 0 })
    expect(ladderStanding(settings, 'no-badge', [incident('no-badge', '2026-12-31')], 'host-1', '2026')).toMatchObject({ step: 1 })
  })
  it('REC-7: another staff member’s incidents and the other kind are not counted', () => {
    const history = [incident('no-badge', '2027-03-01', 'host-2'), incident('improper-reception', '2027-03-02'), incident('no-badge', '2027-03-03')]
    expect(ladderStanding(settings, 'no-badge', history, 'host-1', '2027')).toMatchObject({ step: 1 })
  })
  it('REC-7: a manager’s edited ladder is the one read', () => {
    const edited = { ...settings, ladders: { ...settings.ladders, 'no-badge': [{ actions: ['education' as const], fine: 0 }] } }
    expect(ladderStanding(edited, 'no-badge', times(1, 'no-badge'), 'host-1', '2027')).toEqual({ step: 1, of: 1, actions: ['education'], fine: 0 })
    expect(ladderStanding(edited, 'no-badge', times(2, 'no-badge'), 'host-1', '2027')).toEqual({ exhausted: true, count: 2, lastStep: 1 })
  })
  it('REC-7: the fine shown is always one in the table (or none before the first step), never an invented one', () => {
    fc.assert(
      fc.property(fc.constantFrom<IncidentKind>('improper-reception', 'no-badge'), fc.nat(12), (kind, n) => {
        const standing = ladderStanding(settings, kind, times(n, kind), 'host-1', '2027')
        const ladder = settings.ladders[kind]
        if ('exhausted' in standing) return n > ladder.length && standing.count === n
        return standing.step === n && (n === 0 ? standing.fine === 0 : standing.fine === ladder[n - 1]!.fine)
      }),
    )
  })
})
