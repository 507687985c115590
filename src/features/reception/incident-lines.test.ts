import { describe, expect, it } from 'vitest'
import { defaultReceptionSettings } from '@/core/reception/defaults'
import { incidentStandings } from '@/core/reception/incident-rules'
import type { Incident } from '@/core/reception/types'
import { checkComplaint, standingLines } from './incident-lines'

const settings = defaultReceptionSettings()
const words = { education: 'education', 'verbal-warning': 'verbal warning', 'written-warning': 'written warning', fine: 'fine' }
let serial = 0
const incident = (kind: Incident['kind'], day: string): Incident => ({ kind, staffId: 'host-1', note: `n${++serial}`, at: serial, day, by: 'desk-1', deviceId: 'desk-1:d' })

describe('REC-7: what the incidents page shows of a standing', () => {
  it('REC-7: a visitor seen without a badge, the 1st time: step 1 of 2, verbal warning and fine, ¥50.00 due', () => {
    const [row] = incidentStandings(settings, [incident('no-badge', '2026-12-07')], '2026')
    expect(standingLines(row!, (a) => words[a])).toEqual([{ kind: 'no-badge', key: 'stepOf', params: { step: 1, of: 2, actions: 'verbal warning, fine' }, fine: 50_00 }])
  })
  it('REC-7: past the last step: "ladder exhausted, escalate", and no fine at all', () => {
    const [row] = incidentStandings(settings, ['2026-01-02', '2026-02-02', '2026-03-02'].map((d) => incident('no-badge', d)), '2026')
    const lines = standingLines(row!, (a) => words[a])
    expect(lines).toEqual([{ kind: 'no-badge', key: 'exhausted', params: { count: 3, last: 2 } }])
    expect(lines[0]).not.toHaveProperty('fine')
  })
  it('REC-7: each kind on its own line, complaints first', () => {
    const [row] = incidentStandings(settings, [incident('no-badge', '2026-05-01'), incident('improper-reception', '2026-05-02')], '2026')
    expect(standingLines(row!, (a) => words[a]).map((l) => [l.kind, l.key === 'stepOf' ? l.fine : undefined])).toEqual([['improper-reception', 0], ['no-badge', 50_00]])
  })
})

describe('REC-7: a manager\'s complaint form', () => {
  it('REC-7: needs the staff member and what happened', () => {
    expect(checkComplaint({ staffId: '', note: '  ' })).toEqual(['staffRequired', 'noteRequired'])
    expect(checkComplaint({ staffId: 'u1', note: 'kept a visitor waiting' })).toEqual([])
  })
})
