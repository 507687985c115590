import { describe, expect, it } from 'vitest'
import { defaultMembershipSettings } from './defaults'
import { moneyCeilings } from './money-ceilings'
import { checkSettings } from './settings-check'
import type { MembershipSettings } from './types'

function settingsWith(change: (s: MembershipSettings) => void): MembershipSettings {
  const s = defaultMembershipSettings()
  change(s)
  return s
}

const vip = (s: MembershipSettings) => s.tiers[1]!
const ordinary = (s: MembershipSettings) => s.tiers[0]!

describe('MEM-1/MEM-2 settings check', () => {
  it('MEM-1: refuses a negative, fractional or unsafe price at its path', () => {
    expect(checkSettings(settingsWith((s) => (vip(s).prices.year = -1)))).toEqual([{ path: 'tiers.1.prices.year', problem: 'price-invalid' }])
    expect(checkSettings(settingsWith((s) => (ordinary(s).prices.month = 99.5)))).toEqual([{ path: 'tiers.0.prices.month', problem: 'price-invalid' }])
    expect(checkSettings(settingsWith((s) => (ordinary(s).prices.halfYear = Number.NaN)))).toEqual([{ path: 'tiers.0.prices.halfYear', problem: 'price-invalid' }])
  })

  it('MEM-1: a price may be up to its ceiling of 1,000,000.00 and not one fen more (99,999,999,999.00 once saved)', () => {
    expect(moneyCeilings.price).toBe(1_000_000_00)
    expect(checkSettings(settingsWith((s) => (vip(s).prices.year = moneyCeilings.price)))).toEqual([])
    expect(checkSettings(settingsWith((s) => (vip(s).prices.year = moneyCeilings.price + 1)))).toEqual([{ path: 'tiers.1.prices.year', problem: 'price-too-high' }])
    expect(checkSettings(settingsWith((s) => (ordinary(s).prices.month = 99_999_999_999_00)))).toEqual([{ path: 'tiers.0.prices.month', problem: 'price-too-high' }])
  })

  it('MEM-6: a deposit may be up to its ceiling of 100,000.00 and not one fen more', () => {
    expect(checkSettings(settingsWith((s) => (vip(s).deposit = moneyCeilings.deposit)))).toEqual([])
    expect(checkSettings(settingsWith((s) => (vip(s).deposit = moneyCeilings.deposit + 1)))).toEqual([{ path: 'tiers.1.deposit', problem: 'deposit-too-high' }])
  })

  it('MEM-1: a payment the settings allow (the dearest price and the largest deposit) stays within the payment ceiling', () => {
    expect(moneyCeilings.price + moneyCeilings.deposit).toBeLessThanOrEqual(moneyCeilings.payment)
  })

  it('MEM-1/MEM-2: tier names, perks and a calendar note have a maximum length', () => {
    expect(checkSettings(settingsWith((s) => (vip(s).name.en = 'V'.repeat(60))))).toEqual([])
    expect(checkSettings(settingsWith((s) => (vip(s).name.en = 'V'.repeat(61))))).toEqual([{ path: 'tiers.1.name.en', problem: 'name-too-long' }])
    expect(checkSettings(settingsWith((s) => (vip(s).perks['zh-CN'] = '免'.repeat(501))))).toEqual([{ path: 'tiers.1.perks.zh-CN', problem: 'perks-too-long' }])
    const closedDay = { id: 'o1', from: '2027-01-01', to: '2027-01-01', closed: true }
    expect(checkSettings(settingsWith((s) => s.overrides.push({ ...closedDay, note: 'n'.repeat(500) })))).toEqual([])
    expect(checkSettings(settingsWith((s) => s.overrides.push({ ...closedDay, note: 'n'.repeat(501) })))).toEqual([{ path: 'overrides.0.note', problem: 'note-too-long' }])
  })

  it('MEM-1: a free tier (price 0) is allowed', () => {
    expect(checkSettings(settingsWith((s) => (ordinary(s).prices.month = 0)))).toEqual([])
  })

  it('MEM-6: refuses a negative deposit', () => {
    expect(checkSettings(settingsWith((s) => (vip(s).deposit = -100)))).toEqual([{ path: 'tiers.1.deposit', problem: 'deposit-invalid' }])
  })

  it('MEM-5: refuses negative service hours', () => {
    expect(checkSettings(settingsWith((s) => (vip(s).serviceHoursPerMonth = -1)))).toEqual([{ path: 'tiers.1.serviceHoursPerMonth', problem: 'hours-invalid' }])
  })

  it('MEM-4: a cap is a whole number of at least 1', () => {
    expect(checkSettings(settingsWith((s) => (vip(s).cap = 0)))).toEqual([{ path: 'tiers.1.cap', problem: 'cap-invalid' }])
    expect(checkSettings(settingsWith((s) => (vip(s).cap = 2.5)))).toEqual([{ path: 'tiers.1.cap', problem: 'cap-invalid' }])
    expect(checkSettings(settingsWith((s) => (vip(s).cap = 1)))).toEqual([])
  })

  it('MEM-2: refuses a window that closes before it opens, or is not HH:MM, or on no weekday', () => {
    expect(checkSettings(settingsWith((s) => (ordinary(s).hours[2] = { weekday: 3, from: '21:30', to: '19:00' })))).toEqual([
      { path: 'tiers.0.hours.2', problem: 'window-invalid' },
    ])
    expect(checkSettings(settingsWith((s) => (ordinary(s).hours[0] = { weekday: 1, from: '19:00', to: '19:00' })))).toEqual([
      { path: 'tiers.0.hours.0', problem: 'window-invalid' },
    ])
    expect(checkSettings(settingsWith((s) => (ordinary(s).hours[1] = { weekday: 2, from: '7pm', to: '21:30' })))).toEqual([
      { path: 'tiers.0.hours.1', problem: 'window-invalid' },
    ])
    expect(checkSettings(settingsWith((s) => (ordinary(s).hours[1] = { weekday: 8 as 1, from: '19:00', to: '21:30' })))).toEqual([
      { path: 'tiers.0.hours.1', problem: 'window-invalid' },
    ])
  })

  it('MEM-2: an override needs valid dates in order, and valid hours unless closed', () => {
    const override = { id: 'o', closed: false, note: '' }
    expect(checkSettings(settingsWith((s) => (s.overrides = [{ ...override, from: '2027-10-07', to: '2027-10-01', closed: true }])))).toEqual([
      { path: 'overrides.0', problem: 'override-dates-invalid' },
    ])
    expect(checkSettings(settingsWith((s) => (s.overrides = [{ ...override, from: '2027-02-30', to: '2027-03-01', closed: true }])))).toEqual([
      { path: 'overrides.0', problem: 'override-dates-invalid' },
    ])
    expect(checkSettings(settingsWith((s) => (s.overrides = [{ ...override, from: '2027-10-01', to: '2027-10-01' }])))).toEqual([
      { path: 'overrides.0.hours', problem: 'override-hours-invalid' },
    ])
    expect(
      checkSettings(settingsWith((s) => (s.overrides = [{ ...override, from: '2027-10-01', to: '2027-10-01', hours: [{ from: '10:00', to: '12:00' }, { from: '18:00', to: '17:00' }] }]))),
    ).toEqual([{ path: 'overrides.0.hours.1', problem: 'override-hours-invalid' }])
    expect(checkSettings(settingsWith((s) => (s.overrides = [{ ...override, from: '2027-10-01', to: '2027-10-07', closed: true }])))).toEqual([])
  })

  it('MEM-1: tier ids are unique and names are given in both languages', () => {
    expect(checkSettings(settingsWith((s) => (vip(s).id = 'ordinary')))).toEqual([{ path: 'tiers.1.id', problem: 'tier-id-duplicate' }])
    expect(checkSettings(settingsWith((s) => (vip(s).name.en = '  ')))).toEqual([{ path: 'tiers.1.name.en', problem: 'name-required' }])
  })

  it('MEM-1: at least one tier', () => {
    expect(checkSettings(settingsWith((s) => (s.tiers = [])))).toEqual([{ path: 'tiers', problem: 'no-tiers' }])
  })

  it('MEM-2: the time zone is an IANA zone', () => {
    expect(checkSettings(settingsWith((s) => (s.timeZone = 'Mars/Olympus')))).toEqual([{ path: 'timeZone', problem: 'timezone-invalid' }])
    expect(checkSettings(settingsWith((s) => (s.timeZone = '')))).toEqual([{ path: 'timeZone', problem: 'timezone-invalid' }])
  })

  it('MEM-10: points per yuan is a whole number, 0 or more', () => {
    expect(checkSettings(settingsWith((s) => (s.pointsPerYuan = -1)))).toEqual([{ path: 'pointsPerYuan', problem: 'points-invalid' }])
    expect(checkSettings(settingsWith((s) => (s.pointsPerYuan = 0.5)))).toEqual([{ path: 'pointsPerYuan', problem: 'points-invalid' }])
    expect(checkSettings(settingsWith((s) => (s.pointsPerYuan = 0)))).toEqual([])
  })

  it('MEM-7: the expiring-soon look-ahead is a whole number of days, 0 or more', () => {
    expect(checkSettings(settingsWith((s) => (s.expiringWithinDays = -1)))).toEqual([{ path: 'expiringWithinDays', problem: 'days-invalid' }])
    expect(checkSettings(settingsWith((s) => (s.expiringWithinDays = 1.5)))).toEqual([{ path: 'expiringWithinDays', problem: 'days-invalid' }])
    expect(checkSettings(settingsWith((s) => (s.expiringWithinDays = 0)))).toEqual([])
  })

  it('MEM-8: the grace days of a card of a replaced card key are a whole number, 0 or more; settings saved before it have none', () => {
    expect(checkSettings(settingsWith((s) => (s.cardGraceDays = -1)))).toEqual([{ path: 'cardGraceDays', problem: 'days-invalid' }])
    expect(checkSettings(settingsWith((s) => (s.cardGraceDays = 1.5)))).toEqual([{ path: 'cardGraceDays', problem: 'days-invalid' }])
    expect(checkSettings(settingsWith((s) => (s.cardGraceDays = 0)))).toEqual([])
    expect(checkSettings(settingsWith((s) => delete s.cardGraceDays))).toEqual([])
  })

  it('lists several problems at once, in form order', () => {
    const s = settingsWith((s) => {
      ordinary(s).prices.year = -1
      vip(s).deposit = 1.5
      s.pointsPerYuan = -2
    })
    expect(checkSettings(s).map((p) => p.path)).toEqual(['tiers.0.prices.year', 'tiers.1.deposit', 'pointsPerYuan'])
  })
})
