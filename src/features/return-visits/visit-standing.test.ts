import { describe, expect, it } from 'vitest'
import { visitStanding } from './visit-standing'

describe('SVC-4 the standing a return visit shows', () => {
  const deadline = Date.UTC(2027, 2, 15, 9)

  it('SVC-4: due up to and at the deadline, with the time left rounded down; overdue after it, rounded up', () => {
    expect(visitStanding(deadline, deadline - 72 * 3_600_000)).toEqual({ overdue: false, hours: 72, minutes: 0 })
    expect(visitStanding(deadline, deadline - 61_000)).toEqual({ overdue: false, hours: 0, minutes: 1 })
    expect(visitStanding(deadline, deadline)).toEqual({ overdue: false, hours: 0, minutes: 0 })
    expect(visitStanding(deadline, deadline + 1)).toEqual({ overdue: true, hours: 0, minutes: 1 })
    expect(visitStanding(deadline, deadline + 125 * 60_000)).toEqual({ overdue: true, hours: 2, minutes: 5 })
  })
})
