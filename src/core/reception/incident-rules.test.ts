import { describe, expect, it } from 'vitest'
import { defaultReceptionSettings } from './defaults'
import { incidentStandings, mayRecordIncident, settingsFromCarried } from './incident-rules'
import type { Incident } from './types'

const settings = defaultReceptionSettings()
let serial = 0
function incident(kind: Incident['kind'], staffId: string, day: string): Incident {
  serial += 1
  return { kind, staffId, note: `n${serial}`, at: serial, day, by: 'desk-1', deviceId: 'desk-1:d' }
}

describe('REC-7: who records which incident', () => {
  it('REC-7: a manager records an improper reception; the desk, a lead and an admin do not', () => {
    expect(mayRecordIncident('manager', 'improper-reception')).toBe(true)
    for (const role of ['frontdesk', 'lead', 'admin', 'agent'] as const) expect(mayRecordIncident(role, 'improper-reception')).toBe(false)
  })
  it('REC-7/REC-4: any desk user records a visitor seen without a badge against the host; a technician does not', () => {
    for (const role of ['frontdesk', 'lead', 'manager'] as const) expect(mayRecordIncident(role, 'no-badge')).toBe(true)
    for (const role of ['technician', 'agent', undefined] as const) expect(mayRecordIncident(role, 'no-badge')).toBe(false)
  })
})

describe('REC-7: the standing of each staff member this calendar year', () => {
  it('REC-7: one row per staff member with incidents this year, each kind read on its own ladder', () => {
    const rows = incidentStandings(settings, [
      incident('no-badge', 'host-1', '2026-03-01'),
      incident('improper-reception', 'host-1', '2026-04-01'),
      incident('no-badge', 'host-2', '2026-05-01'),
      incident('no-badge', 'host-2', '2026-06-01'),
      incident('no-badge', 'host-3', '2025-12-31'),
    ], '2026')
    expect(rows.map((r) => r.staffId)).toEqual(['host-1', 'host-2'])
    expect(rows[0]!.standings).toEqual({
      'no-badge': { step: 1, of: 2, actions: ['verbal-warning', 'fine'], fine: 50_00 },
      'improper-reception': { step: 1, of: 4, actions: ['education'], fine: 0 },
    })
    expect(rows[1]!.standings['no-badge']).toEqual({ step: 2, of: 2, actions: ['written-warning', 'fine'], fine: 100_00 })
    expect(rows[1]!.incidents.map((i) => i.day)).toEqual(['2026-06-01', '2026-05-01'])
  })
  it('REC-7: past the last step the row says the ladder is exhausted, with no fine', () => {
    const three = ['2026-01-01', '2026-02-01', '2026-03-01'].map((d) => incident('no-badge', 'host-1', d))
    expect(incidentStandings(settings, three, '2026')[0]!.standings['no-badge']).toEqual({ exhausted: true, count: 3, lastStep: 2 })
  })
})

describe('REC-7: the ladder the person concerned reads their own standing on', () => {
  it('REC-7: the ladder carried by their newest incident of each kind; the seeded one for a kind without', () => {
    const edited = [{ actions: ['education' as const], fine: 0 }]
    const older = { ...incident('no-badge', 'host-1', '2026-01-01'), ladder: settings.ladders['no-badge'] }
    const newer = { ...incident('no-badge', 'host-1', '2026-02-01'), ladder: edited }
    const carried = settingsFromCarried(settings, [newer, older])
    expect(carried.ladders['no-badge']).toEqual(edited)
    expect(carried.ladders['improper-reception']).toEqual(settings.ladders['improper-reception'])
    expect(incidentStandings(carried, [newer, older], '2026')[0]!.standings['no-badge']).toEqual({ exhausted: true, count: 2, lastStep: 1 })
  })
})
