import { describe, expect, it } from 'vitest'
import { defaultMembershipSettings } from './defaults'
import { checkSettings } from './settings-check'

describe('MEM-1/MEM-2 default settings', () => {
  const settings = defaultMembershipSettings()
  const [ordinary, vip] = settings.tiers

  it('MEM-1: ordinary costs 100.00 / 540.00 / 1000.00 with no deposit, service or cap', () => {
    expect(ordinary).toMatchObject({ id: 'ordinary', rank: 1, prices: { month: 10000, halfYear: 54000, year: 100000 }, deposit: 0, serviceHoursPerMonth: 0 })
    expect(ordinary?.cap).toBeUndefined()
    expect(ordinary?.name).toEqual({ 'zh-CN': '普通会员', en: 'Ordinary' })
  })

  it('MEM-1: VIP costs 960.00 / 5184.00 / 9600.00, deposit 1000.00, 8 service hours, cap 4', () => {
    expect(vip).toMatchObject({ id: 'vip', rank: 2, prices: { month: 96000, halfYear: 518400, year: 960000 }, deposit: 100000, serviceHoursPerMonth: 8, cap: 4 })
    expect(vip?.perks.en).toContain('80×60 cm')
  })

  it('MEM-2: ordinary opens Mon–Thu 19:00–21:30 and Sat–Sun 14:30–17:30', () => {
    expect(ordinary?.hours).toEqual([
      { weekday: 1, from: '19:00', to: '21:30' },
      { weekday: 2, from: '19:00', to: '21:30' },
      { weekday: 3, from: '19:00', to: '21:30' },
      { weekday: 4, from: '19:00', to: '21:30' },
      { weekday: 6, from: '14:30', to: '17:30' },
      { weekday: 7, from: '14:30', to: '17:30' },
    ])
  })

  it('MEM-2: VIP has the ordinary hours plus Mon–Fri 09:00–17:00', () => {
    const daytime = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '17:00' }))
    expect(vip?.hours).toEqual([...(ordinary?.hours ?? []), ...daytime])
  })

  it('MEM-7/MEM-10: Shanghai time, 1 point per yuan, 7 days ahead, no overrides', () => {
    expect(settings).toMatchObject({ timeZone: 'Asia/Shanghai', pointsPerYuan: 1, expiringWithinDays: 7, overrides: [] })
    // MEM-8: a card of a replaced card key is admitted (with a reissue prompt) for 30 days.
    expect(settings.cardGraceDays).toBe(30)
  })

  it('passes its own settings check', () => {
    expect(checkSettings(settings)).toEqual([])
  })

  it('hands out a fresh copy each time', () => {
    const mine = defaultMembershipSettings()
    mine.tiers[0]!.prices.month = 1
    expect(defaultMembershipSettings().tiers[0]?.prices.month).toBe(10000)
  })
})
