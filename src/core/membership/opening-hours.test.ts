import { describe, expect, it } from 'vitest'
import { instantOf } from '@/core/shared/local-date'
import { defaultMembershipSettings } from './defaults'
import { isOpenAt, nextOpening } from './opening-hours'
import type { CalendarOverride, MembershipSettings } from './types'

const settings = defaultMembershipSettings()
const tz = settings.timeZone
// January 2027: Monday 4, Friday 8, Saturday 9, Sunday 10, Monday 11.
const at = (date: string, time: string) => instantOf(date, time, tz)
const withOverrides = (...overrides: CalendarOverride[]): MembershipSettings => ({ ...settings, overrides })
const override = (o: Partial<CalendarOverride> & Pick<CalendarOverride, 'from' | 'to'>): CalendarOverride => ({ id: 'o', closed: false, note: '', ...o })

describe('MEM-2 opening hours of the weekly pattern', () => {
  it('MEM-2: 19:00 exactly is open for ordinary members', () => {
    expect(isOpenAt(settings, 'ordinary', at('2027-01-04', '19:00'))).toBe(true)
  })
  it('MEM-2: 18:59 is closed for ordinary members', () => {
    expect(isOpenAt(settings, 'ordinary', at('2027-01-04', '18:59'))).toBe(false)
  })
  it('MEM-2: 21:29 is open and 21:30 exactly is closed', () => {
    expect(isOpenAt(settings, 'ordinary', at('2027-01-04', '21:29'))).toBe(true)
    expect(isOpenAt(settings, 'ordinary', at('2027-01-04', '21:29') + 59_999)).toBe(true)
    expect(isOpenAt(settings, 'ordinary', at('2027-01-04', '21:30'))).toBe(false)
    expect(isOpenAt(settings, 'ordinary', at('2027-01-04', '21:31'))).toBe(false)
  })
  it('MEM-2: Sunday 17:29 is open, 17:30 exactly is closed', () => {
    expect(isOpenAt(settings, 'ordinary', at('2027-01-10', '17:29'))).toBe(true)
    expect(isOpenAt(settings, 'ordinary', at('2027-01-10', '17:30'))).toBe(false)
  })
  it('MEM-2: Saturday 14:30 opens, 14:29 does not', () => {
    expect(isOpenAt(settings, 'ordinary', at('2027-01-09', '14:30'))).toBe(true)
    expect(isOpenAt(settings, 'ordinary', at('2027-01-09', '14:29'))).toBe(false)
  })
  it('MEM-2: ordinary members are not admitted on a Friday, neither at 10:00 nor in the evening', () => {
    expect(isOpenAt(settings, 'ordinary', at('2027-01-08', '10:00'))).toBe(false)
    expect(isOpenAt(settings, 'ordinary', at('2027-01-08', '19:30'))).toBe(false)
  })
  it('MEM-2: VIP Friday 09:00 and 16:59 are open, 17:00 and 08:59 are closed', () => {
    expect(isOpenAt(settings, 'vip', at('2027-01-08', '09:00'))).toBe(true)
    expect(isOpenAt(settings, 'vip', at('2027-01-08', '16:59'))).toBe(true)
    expect(isOpenAt(settings, 'vip', at('2027-01-08', '17:00'))).toBe(false)
    expect(isOpenAt(settings, 'vip', at('2027-01-08', '08:59'))).toBe(false)
  })
  it('MEM-2: VIP members have the ordinary evening and weekend hours too', () => {
    expect(isOpenAt(settings, 'vip', at('2027-01-04', '20:00'))).toBe(true)
    expect(isOpenAt(settings, 'vip', at('2027-01-10', '15:00'))).toBe(true)
    expect(isOpenAt(settings, 'vip', at('2027-01-10', '10:00'))).toBe(false)
  })
  it('MEM-2: the hours are Shanghai wall-clock time, whatever the instant in UTC', () => {
    // Monday 19:00 in Shanghai is 11:00 UTC.
    expect(isOpenAt(settings, 'ordinary', Date.UTC(2027, 0, 4, 11, 0))).toBe(true)
    expect(isOpenAt(settings, 'ordinary', Date.UTC(2027, 0, 4, 19, 0))).toBe(false)
  })
  it('MEM-2: an unknown tier is never open', () => {
    expect(isOpenAt(settings, 'gold', at('2027-01-04', '19:30'))).toBe(false)
    expect(nextOpening(settings, 'gold', at('2027-01-04', '19:30'))).toBeUndefined()
  })
  it('MEM-2: a manager’s changed hours are what count', () => {
    const late = { ...settings, tiers: settings.tiers.map((t) => (t.id === 'ordinary' ? { ...t, hours: [{ weekday: 5 as const, from: '20:00', to: '23:00' }] } : t)) }
    expect(isOpenAt(late, 'ordinary', at('2027-01-08', '22:59'))).toBe(true)
    expect(isOpenAt(late, 'ordinary', at('2027-01-04', '19:30'))).toBe(false)
  })
})

describe('MEM-2 next opening', () => {
  it('MEM-2: from Friday 22:00 an ordinary member can next come Saturday 14:30', () => {
    expect(nextOpening(settings, 'ordinary', at('2027-01-08', '22:00'))).toBe(at('2027-01-09', '14:30'))
  })
  it('MEM-2: from Sunday 18:00 an ordinary member can next come Monday 19:00', () => {
    expect(nextOpening(settings, 'ordinary', at('2027-01-10', '18:00'))).toBe(at('2027-01-11', '19:00'))
  })
  it('MEM-2: earlier the same day it is that day’s window, and 19:00 exactly is itself', () => {
    expect(nextOpening(settings, 'ordinary', at('2027-01-04', '10:00'))).toBe(at('2027-01-04', '19:00'))
    expect(nextOpening(settings, 'ordinary', at('2027-01-04', '19:00'))).toBe(at('2027-01-04', '19:00'))
  })
  it('MEM-2: for a VIP at Monday 17:30 it is the evening window at 19:00', () => {
    expect(nextOpening(settings, 'vip', at('2027-01-04', '17:30'))).toBe(at('2027-01-04', '19:00'))
  })
  it('MEM-2: skips dates an override closes', () => {
    // Closed Saturday and Sunday 9–10 January: from Friday night the next opening is Monday 19:00.
    const s = withOverrides(override({ from: '2027-01-09', to: '2027-01-10', closed: true }))
    expect(nextOpening(s, 'ordinary', at('2027-01-08', '22:00'))).toBe(at('2027-01-11', '19:00'))
  })
  it('MEM-2: undefined when nothing opens within 370 days', () => {
    const s = withOverrides(override({ from: '2027-01-01', to: '2028-12-31', closed: true }))
    expect(nextOpening(s, 'ordinary', at('2027-01-04', '10:00'))).toBeUndefined()
  })
})

describe('MEM-2 calendar overrides', () => {
  it('MEM-2: a holiday override closes a normally open evening', () => {
    const s = withOverrides(override({ from: '2027-01-04', to: '2027-01-04', closed: true, note: 'holiday' }))
    expect(isOpenAt(s, 'ordinary', at('2027-01-04', '19:30'))).toBe(false)
    expect(isOpenAt(s, 'vip', at('2027-01-04', '10:00'))).toBe(false)
    expect(isOpenAt(s, 'ordinary', at('2027-01-05', '19:30'))).toBe(true)
  })
  it('MEM-2: an override opens a normally closed Friday evening, with from inclusive and to exclusive', () => {
    const s = withOverrides(override({ from: '2027-01-08', to: '2027-01-08', hours: [{ from: '19:00', to: '22:00' }] }))
    expect(isOpenAt(s, 'ordinary', at('2027-01-08', '18:59'))).toBe(false)
    expect(isOpenAt(s, 'ordinary', at('2027-01-08', '19:00'))).toBe(true)
    expect(isOpenAt(s, 'ordinary', at('2027-01-08', '21:59'))).toBe(true)
    expect(isOpenAt(s, 'ordinary', at('2027-01-08', '22:00'))).toBe(false)
    expect(nextOpening(s, 'ordinary', at('2027-01-08', '12:00'))).toBe(at('2027-01-08', '19:00'))
  })
  it('MEM-2: an override’s hours replace the whole day, not add to it', () => {
    const s = withOverrides(override({ from: '2027-01-04', to: '2027-01-04', hours: [{ from: '10:00', to: '12:00' }] }))
    expect(isOpenAt(s, 'ordinary', at('2027-01-04', '10:30'))).toBe(true)
    expect(isOpenAt(s, 'ordinary', at('2027-01-04', '19:30'))).toBe(false)
  })
  it('MEM-2: an override limited to one tier leaves the others on their weekly hours', () => {
    const s = withOverrides(override({ from: '2027-01-08', to: '2027-01-08', tiers: ['vip'], closed: true }))
    expect(isOpenAt(s, 'vip', at('2027-01-08', '10:00'))).toBe(false)
    const t = withOverrides(override({ from: '2027-01-04', to: '2027-01-04', tiers: ['vip'], closed: true }))
    expect(isOpenAt(t, 'ordinary', at('2027-01-04', '19:30'))).toBe(true)
    expect(isOpenAt(t, 'vip', at('2027-01-04', '19:30'))).toBe(false)
  })
  it('MEM-2: an override covers every date from its first to its last, inclusive', () => {
    const s = withOverrides(override({ from: '2027-01-04', to: '2027-01-06', closed: true }))
    expect(isOpenAt(s, 'ordinary', at('2027-01-04', '19:30'))).toBe(false)
    expect(isOpenAt(s, 'ordinary', at('2027-01-06', '19:30'))).toBe(false)
    expect(isOpenAt(s, 'ordinary', at('2027-01-07', '19:30'))).toBe(true)
  })
  it('MEM-2: an override naming the tier beats one for all tiers; otherwise the last entered wins', () => {
    const closedForAll = override({ id: 'holiday', from: '2027-01-04', to: '2027-01-08', closed: true })
    const vipMorning = override({ id: 'vip-day', from: '2027-01-06', to: '2027-01-06', tiers: ['vip'], hours: [{ from: '10:00', to: '12:00' }] })
    const s = withOverrides(vipMorning, closedForAll)
    expect(isOpenAt(s, 'vip', at('2027-01-06', '10:30'))).toBe(true)
    expect(isOpenAt(s, 'ordinary', at('2027-01-06', '19:30'))).toBe(false)
    const reopened = override({ id: 'reopened', from: '2027-01-05', to: '2027-01-05', hours: [{ from: '19:00', to: '21:30' }] })
    expect(isOpenAt(withOverrides(closedForAll, reopened), 'ordinary', at('2027-01-05', '20:00'))).toBe(true)
    expect(isOpenAt(withOverrides(reopened, closedForAll), 'ordinary', at('2027-01-05', '20:00'))).toBe(false)
  })
})
