import { describe, expect, it } from 'vitest'
import { lastNightDays, sweepDays } from './closing-window'
import { days, org } from './test-fixtures'

describe('REC-6 which earlier days the desk reads to close forgotten visits', () => {
  it('REC-6: the window is the `n` days before today, oldest first, today never in it', () => {
    expect(sweepDays('2027-09-30', 3)).toEqual(['2027-09-27', '2027-09-28', '2027-09-29'])
  })

  it('REC-6: "last night" on a weekday morning is yesterday', () => {
    expect(lastNightDays('2027-09-30', org, 14)).toEqual([days.wednesday])
  })

  it('REC-6: "last night" on Monday reaches back over the closed Sunday to Saturday, the last day the building opened', () => {
    expect(lastNightDays('2027-10-04', org, 14)).toEqual([days.saturday, days.sunday])
  })

  it('REC-6: "last night" after a holiday reaches back over it to the last open day', () => {
    expect(lastNightDays('2027-10-02', org, 14)).toEqual(['2027-09-30', days.holiday])
  })

  it('REC-6: never further back than the window, even when the building never opened in it', () => {
    expect(lastNightDays('2027-10-04', { ...org, hours: {} }, 3)).toEqual(['2027-10-01', '2027-10-02', '2027-10-03'])
  })
})
