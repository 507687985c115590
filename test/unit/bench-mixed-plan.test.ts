import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { ledgerEntrySchema } from '@/core/broadband/schemas'
import { defaultMembershipSettings } from '@/core/membership/defaults'
import { isOpenAt } from '@/core/membership/opening-hours'
import { instantOf } from '@/core/shared/local-date'
import { planAgreements } from '../../bench/browser/broadband-plan'
import { coveredOn, openAllDay, planCheckIns, planMembers } from '../../bench/browser/seed-plan'
import { mixedSizes, planRecentLedgers } from '../../bench/mixed-plan'
import { deviceBytesOfKind, devicePerDatabase, type ApplyReading, type DatabaseSize } from '../../bench/sync-sizes'

const today = '2026-12-07'
const timeZone = 'Asia/Shanghai'

function mix(scale: number) {
  const sizes = mixedSizes(scale)
  const tier = defaultMembershipSettings().tiers[0]!
  const deskInput = { seed: sizes.seed, members: sizes.members, checkIns: sizes.checkIns, years: sizes.memberYears, today, timeZone, tier, by: 'manager' }
  const members = planMembers(deskInput)
  const agreements = planAgreements({ seed: sizes.seed, accounts: sizes.accounts, today, timeZone, billRunMonths: 1, years: 1 })
  const lines = planRecentLedgers({ seed: sizes.seed, today, timeZone }, agreements)
  const fees = members.reduce((n, m) => n + m.fees.length, 0)
  const statusEvents = agreements.length + agreements.filter((a) => a.status !== 'active').length
  const total = sizes.people + members.length + fees + planCheckIns(deskInput, members).length + agreements.length + statusEvents + lines.length
  return { agreements, lines, total }
}

describe("the 100k initial-sync bench's mix (issue 13: people, members, fees, check-ins, broadband accounts and ledger lines)", () => {
  it('about 100,000 documents at full size, and a hundredth of that at --scale=0.01', () => {
    const full = mix(1).total
    expect(full).toBeGreaterThan(95_000)
    expect(full).toBeLessThan(105_000)
    expect(mix(0.01).total).toBeGreaterThan(900)
    expect(mix(0.01).total).toBeLessThan(1_100)
  })

  it('BB-2: each account charged its monthly fee on the 1st of its last few months in service, paid within the month; every line a valid ledger entry', () => {
    const { agreements, lines } = mix(0.1)
    expect(planRecentLedgers({ seed: 13, today, timeZone }, agreements)).toEqual(lines)
    expect(lines.length / agreements.length).toBeGreaterThan(6)
    for (const { account, entry } of lines) {
      const a = agreements[account]!
      expect(v.safeParse(ledgerEntrySchema, { ...entry, accountId: `acct-${account}`, by: 'manager' }).success).toBe(true)
      expect(entry.amount).toBe(a.plan.monthlyFee)
      expect(entry.on < '2026-12-01' && entry.on > a.serviceStart).toBe(true)
      if (entry.kind === 'charge') expect(entry.on).toBe(`${entry.month}-01`)
      if (a.status === 'terminated') expect(entry.on.slice(0, 7) <= a.changedOn!.slice(0, 7)).toBe(true)
    }
  })

  it('BB-4: a suspended account leaves its last two months unpaid; the others owe nothing', () => {
    const { agreements, lines } = mix(0.1)
    agreements.forEach((a, account) => {
      const mine = lines.filter((l) => l.account === account).map((l) => l.entry)
      const charged = mine.filter((e) => e.kind === 'charge').length
      const paid = mine.filter((e) => e.kind === 'payment').length
      expect(paid).toBe(a.status === 'suspended' ? Math.max(0, charged - 2) : charged)
    })
  })
})

describe('the members scanned during the sync (issue 13: the check-in screen answers a scan while a big sync runs)', () => {
  const sizes = mixedSizes(0.05)
  const tier = defaultMembershipSettings().tiers[0]!
  const members = planMembers({ seed: sizes.seed, members: sizes.members, checkIns: sizes.checkIns, years: sizes.memberYears, today, timeZone, tier, by: 'manager' })

  it('MEM-3: each has a fee covering today (an active membership), twenty of them spread over all the members', () => {
    const picked = coveredOn(members, today, 20)
    expect(picked).toHaveLength(20)
    for (const m of picked) expect(m.fees.some((f) => f.start <= today && today <= f.end)).toBe(true)
    expect(members.indexOf(picked.at(-1)!)).toBeGreaterThan(members.length / 2)
  })

  it('MEM-2: the seeded organisation is open at any hour of any day, so a scan is decided on membership alone', () => {
    const settings = openAllDay(defaultMembershipSettings())
    for (const day of ['2026-12-07', '2026-12-08', '2026-12-12', '2026-12-13'])
      for (const time of ['00:30', '02:13', '09:00', '23:30']) for (const t of settings.tiers) expect(isOpenAt(settings, t.id, instantOf(day, time, timeZone))).toBe(true)
  })
})

describe('device bytes per database, from estimate() read after each apply (bench/sync-sizes.ts)', () => {
  const databases = ['lobby_public', 'lobby_org', 'lobby_directory', 'lobby_accounts', 'lobby_audit']
  const accounts = { 'bb-ledger': { docs: 8, bytes: 960 }, 'bb-agreement': { docs: 2, bytes: 40 } }
  const sizes = (): DatabaseSize[] => databases.map((database) => ({ database, docs: 10, bytes: 1_000, byType: database === 'lobby_accounts' ? accounts : {} }))
  const read = (database: string, idb: number): ApplyReading => ({ database, idb })
  // The join's round (before sign-in), the round that takes in the realms, and a later one with nothing new.
  const join = [read('lobby_public', 10), read('lobby_org', 20)]
  const later = [read('lobby_public', 5_000), read('lobby_org', 5_000), read('lobby_directory', 5_000), read('lobby_accounts', 5_000), read('lobby_audit', 5_000)]

  it('what each database added: the reading after its last apply less the previous database’s, in the round that pulled it', () => {
    const s = sizes()
    devicePerDatabase(s, [...join, read('lobby_public', 30), read('lobby_org', 40), read('lobby_directory', 1_000), read('lobby_directory', 2_040), read('lobby_accounts', 3_000), read('lobby_accounts', 4_540), read('lobby_audit', 4_600), ...later])
    expect(s.map((d) => d.device)).toEqual([undefined, undefined, 2_000, 2_500, 60])
    // 2.5 × the server's bytes; a ledger line is 120 B there.
    expect(deviceBytesOfKind(s, 'lobby_accounts', 'bb-ledger')).toEqual({ device: 300, server: 120, ratio: 2.5 })
  })

  it('nothing when the databases were pulled side by side, or the round never reached the last one', () => {
    const interleaved = sizes()
    devicePerDatabase(interleaved, [...join, read('lobby_public', 30), read('lobby_org', 40), read('lobby_directory', 1_000), read('lobby_accounts', 2_000), read('lobby_directory', 3_000), read('lobby_accounts', 4_000), read('lobby_audit', 4_100)])
    expect(interleaved.map((d) => d.device)).toEqual(Array(5).fill(undefined))
    expect(deviceBytesOfKind(interleaved, 'lobby_accounts', 'bb-ledger')).toBeUndefined()
  })
})
