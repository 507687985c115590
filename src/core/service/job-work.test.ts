import { describe, expect, it } from 'vitest'
import { checkFinish, checkMinutes, checkPart, elapsedMinutes, jobStage, maxJobMinutes, minutesAtFinish } from './job-work'
import { minute } from './test-fixtures'
import type { JobWork } from './types'

const started = Date.parse('2026-03-08T23:40:00+08:00')
const work = (extra: Partial<JobWork> = {}): JobWork => ({ jobId: 'job:1', startedAt: started, workDone: 'Replaced the compressor relay', parts: [], minutes: 0, ...extra })

describe('SVC-3 a job on the technician\'s phone', () => {
  it('SVC-3: a job is new until started, started until finished', () => {
    expect(jobStage(undefined)).toBe('new')
    expect(jobStage({})).toBe('new')
    expect(jobStage({ startedAt: 1 })).toBe('started')
    expect(jobStage({ startedAt: 1, finishedAt: 2 })).toBe('finished')
  })

  it('SVC-3: minutes are elapsed time, across midnight; a minute begun counts', () => {
    expect(elapsedMinutes(started, started + 40 * minute)).toBe(40)
    expect(elapsedMinutes(started, started + 40 * minute + 1)).toBe(41)
    expect(elapsedMinutes(started, started)).toBe(0)
    expect(elapsedMinutes(started, started - minute)).toBe(0)
  })

  it('SVC-3: at finish the technician\'s own minutes win; none given, start to finish is recorded', () => {
    expect(minutesAtFinish(work(), started + 95 * minute)).toBe(95)
    expect(minutesAtFinish(work({ minutes: 60 }), started + 95 * minute)).toBe(60)
    expect(minutesAtFinish({ minutes: 0 }, started)).toBe(0)
  })

  it('SVC-3: minutes are typed whole, from 0 to a week; empty is "not given"', () => {
    expect(checkMinutes('45')).toEqual({ ok: true, minutes: 45 })
    expect(checkMinutes('４５')).toEqual({ ok: true, minutes: 45 })
    expect(checkMinutes(' ')).toEqual({ ok: true, minutes: 0 })
    expect(checkMinutes(String(maxJobMinutes))).toEqual({ ok: true, minutes: maxJobMinutes })
    for (const bad of [String(maxJobMinutes + 1), '1.5', '-3', 'abc']) expect(checkMinutes(bad), bad).toEqual({ ok: false, problem: 'minutes-invalid' })
  })

  it('SVC-3: a part has a name and a quantity above 0 (1.5 m of cable); an empty row is no part', () => {
    expect(checkPart({ name: ' Relay ', qty: '2' })).toEqual({ ok: true, part: { name: 'Relay', qty: 2 } })
    expect(checkPart({ name: 'Cable', qty: '1.5' })).toEqual({ ok: true, part: { name: 'Cable', qty: 1.5 } })
    expect(checkPart({ name: '', qty: '' })).toEqual({ ok: true, part: null })
    expect(checkPart({ name: '', qty: '2' })).toEqual({ ok: false, problems: ['name-missing'] })
    expect(checkPart({ name: 'Relay', qty: '0' })).toEqual({ ok: false, problems: ['qty-invalid'] })
    expect(checkPart({ name: 'Relay', qty: '10000' })).toEqual({ ok: false, problems: ['qty-invalid'] })
    expect(checkPart({ name: 'x'.repeat(101), qty: '1.555' })).toEqual({ ok: false, problems: ['name-too-long', 'qty-invalid'] })
  })

  it('SVC-3: a job is finished only started, with its work done and the customer\'s signature', () => {
    expect(checkFinish({ kind: 'b' }, work(), true)).toEqual({ ok: true })
    expect(checkFinish({ kind: 'b' }, work({ workDone: '  ' }), true)).toEqual({ ok: false, problems: ['work-done-missing'] })
    expect(checkFinish({ kind: 'b' }, work(), false)).toEqual({ ok: false, problems: ['signature-missing'] })
    expect(checkFinish({ kind: 'c' }, undefined, false)).toEqual({ ok: false, problems: ['not-started', 'work-done-missing', 'signature-missing'] })
  })

  it('SVC-3: a paid job (kind a) says its charge, 0 included; other kinds need none', () => {
    expect(checkFinish({ kind: 'a' }, work(), true)).toEqual({ ok: false, problems: ['charge-missing'] })
    expect(checkFinish({ kind: 'a' }, work({ chargeFen: 0 }), true)).toEqual({ ok: true })
    expect(checkFinish({ kind: 'a' }, work({ chargeFen: 12_000 }), true)).toEqual({ ok: true })
    expect(checkFinish({ kind: 'd' }, work(), true)).toEqual({ ok: true })
  })

  it('SVC-3: a finished job is not finished again', () => {
    expect(checkFinish({ kind: 'b' }, work({ finishedAt: started + minute }), true)).toEqual({ ok: false, problems: ['already-finished'] })
  })
})
