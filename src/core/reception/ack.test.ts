import { describe, expect, it } from 'vitest'
import { ackReminder } from './ack'
import { defaultReceptionSettings } from './defaults'

const settings = defaultReceptionSettings()
const minute = 60_000
const notifiedAt = 1_800_000_000_000

describe('REC-3 the desk is reminded to chase a host who has not acknowledged', () => {
  it('REC-3: one minute before the 5 minutes are up, no reminder yet, and the desk knows when it comes', () => {
    expect(ackReminder(notifiedAt, undefined, notifiedAt + 4 * minute, settings)).toEqual({ state: 'waiting', remindAt: notifiedAt + 5 * minute })
  })

  it('REC-3: at 5 minutes the desk is reminded', () => {
    expect(ackReminder(notifiedAt, undefined, notifiedAt + 5 * minute, settings)).toEqual({ state: 'chase', since: notifiedAt + 5 * minute })
  })

  it('REC-3: one minute after, still reminded', () => {
    expect(ackReminder(notifiedAt, undefined, notifiedAt + 6 * minute, settings)).toEqual({ state: 'chase', since: notifiedAt + 5 * minute })
  })

  it('REC-3: an acknowledged notice asks for nothing, however late it was acknowledged', () => {
    expect(ackReminder(notifiedAt, notifiedAt + 9 * minute, notifiedAt + 10 * minute, settings)).toEqual({ state: 'acknowledged', at: notifiedAt + 9 * minute })
  })

  it('REC-3: the time is the manager’s setting', () => {
    expect(ackReminder(notifiedAt, undefined, notifiedAt + 2 * minute, { ...settings, ackMinutes: 2 })).toEqual({ state: 'chase', since: notifiedAt + 2 * minute })
  })
})
