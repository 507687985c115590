import { describe, expect, it } from 'vitest'
import { defaultMembershipSettings } from './defaults'
import { priceFor, savingAgainstMonthly } from './pricing'

const tiers = defaultMembershipSettings().tiers
const ordinary = tiers[0]!
const vip = tiers[1]!

describe('MEM-1 pricing', () => {
  it('MEM-1: yearly VIP is charged 9600.00 as listed', () => {
    expect(priceFor(vip, 'year')).toBe(960000)
  })

  it('MEM-1: yearly VIP saves 1920.00 against 12 × 960.00', () => {
    expect(savingAgainstMonthly(vip, 'year')).toEqual({ months: 12, monthlyTotal: 1152000, listed: 960000, saving: 192000 })
  })

  it('MEM-1: 9600.00 is not 80% of 11520.00 — the listed price wins over the advertised discount', () => {
    const { monthlyTotal, listed } = savingAgainstMonthly(vip, 'year')
    expect(Math.round(monthlyTotal * 0.8)).toBe(921600)
    expect(listed).not.toBe(Math.round(monthlyTotal * 0.8))
  })

  it('MEM-1: half-year VIP saves 576.00, ordinary yearly saves 200.00', () => {
    expect(savingAgainstMonthly(vip, 'halfYear').saving).toBe(57600)
    expect(savingAgainstMonthly(ordinary, 'year')).toEqual({ months: 12, monthlyTotal: 120000, listed: 100000, saving: 20000 })
  })

  it('MEM-1: a month saves nothing; a longer term that costs more shows a negative saving', () => {
    expect(savingAgainstMonthly(vip, 'month').saving).toBe(0)
    expect(savingAgainstMonthly({ ...ordinary, prices: { month: 10000, halfYear: 70000, year: 100000 } }, 'halfYear').saving).toBe(-10000)
  })

  it('MEM-1: reads prices a manager changed', () => {
    expect(priceFor({ ...vip, prices: { ...vip.prices, year: 900000 } }, 'year')).toBe(900000)
  })
})
