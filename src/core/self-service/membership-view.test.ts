import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { defaultMembershipSettings } from '@/core/membership/defaults'
import { depositEntry, feeEntry } from '@/core/membership/test-fixtures'
import type { Member, ServiceLog } from '@/core/membership/types'
import { membershipView, type IdentifiedLedgerEntry, type MembershipViewInput } from './membership-view'
import { selfMembershipSchema } from './schemas'

const settings = defaultMembershipSettings()
const at = (iso: string) => Date.parse(iso)
const member: Member = { personId: 'p1', memberNo: 'A7K', cardSerial: 3, createdAt: at('2027-01-01T02:00:00Z') }
const jwk: JsonWebKey = { kty: 'EC', crv: 'P-256', x: 'x-of-epoch-2', y: 'y-of-epoch-2' }
const now = at('2027-03-10T04:00:00Z')

const entry = (id: string, record: IdentifiedLedgerEntry['record']): IdentifiedLedgerEntry => ({ id, record })
const log = (date: string, hours: number, memberId = 'm1'): ServiceLog => ({ memberId, date, hours, note: '', by: 'staff-1' })

// Two consecutive ordinary months paid on 31 January 17:00 UTC, which is 1 February in Shanghai; a deposit that is not a fee.
function ledger(): IdentifiedLedgerEntry[] {
  return [
    entry('fee-feb', feeEntry({ at: at('2027-01-31T17:00:00Z'), start: '2027-02-01', end: '2027-02-28', amount: 100_50 })),
    entry('fee-mar', feeEntry({ at: at('2027-02-27T03:00:00Z'), start: '2027-03-01', end: '2027-03-31', amount: 50 })),
    entry('deposit', depositEntry(1000_00, at('2027-01-31T17:00:00Z'))),
  ]
}

function input(over: Partial<MembershipViewInput> = {}): MembershipViewInput {
  return { memberId: 'm1', member, ledger: ledger(), serviceLogs: [], settings, today: '2027-03-10', cardPublicJwks: {}, now, ...over }
}

describe('self-service membership view', () => {
  it('MEM-7, MEM-10: an active member sees tier, the run of terms, renewal of the current term, points and fees newest first', () => {
    const view = membershipView(input())
    expect(view).toEqual({
      memberId: 'm1',
      memberNo: 'A7K',
      status: 'active',
      tierName: { 'zh-CN': '普通会员', en: 'Ordinary' },
      start: '2027-02-01',
      end: '2027-03-31',
      renewal: { term: 'month', price: 100_00 },
      // 100.50 + 0.50 = 101.00 paid: 101 points; the deposit is held, not paid.
      points: 101,
      fees: [
        { id: 'fee-mar', on: '2027-02-27', amount: 50, tierName: { 'zh-CN': '普通会员', en: 'Ordinary' }, term: 'month', start: '2027-03-01', end: '2027-03-31' },
        { id: 'fee-feb', on: '2027-02-01', amount: 100_50, tierName: { 'zh-CN': '普通会员', en: 'Ordinary' }, term: 'month', start: '2027-02-01', end: '2027-02-28' },
      ],
      cardPublicJwks: {},
      foldedAt: now,
    })
    expect(v.parse(selfMembershipSchema, view)).toEqual(view)
  })

  it('MEM-7: a member with no fees has no membership, no renewal and no fees', () => {
    const view = membershipView(input({ ledger: [] }))
    expect(view).toEqual({ memberId: 'm1', memberNo: 'A7K', status: 'none', points: 0, fees: [], cardPublicJwks: {}, foldedAt: now })
    expect(v.parse(selfMembershipSchema, view)).toEqual(view)
  })

  it('MEM-7: after the last end the membership is expired, keeps its end date, and still quotes the renewal', () => {
    const view = membershipView(input({ today: '2027-04-01' }))
    expect(view).toMatchObject({ status: 'expired', start: '2027-02-01', end: '2027-03-31', renewal: { term: 'month', price: 100_00 } })
    expect(() => v.parse(selfMembershipSchema, view)).not.toThrow()
  })

  it('MEM-7: a term paid ahead has not started', () => {
    expect(membershipView(input({ today: '2027-01-20' }))).toMatchObject({ status: 'not-started', start: '2027-02-01' })
  })

  it('MEM-7: a suspended member sees the suspension, whatever the term says', () => {
    const view = membershipView(input({ member: { ...member, suspended: { reason: 'damage', at: now } } }))
    expect(view).toMatchObject({ status: 'suspended', end: '2027-03-31' })
    expect(() => v.parse(selfMembershipSchema, view)).not.toThrow()
  })

  it('MEM-7: the renewal quotes the current tier and term at today’s listed price, not what was paid', () => {
    const vipYear = entry('vip', feeEntry({ at: at('2027-03-01T02:00:00Z'), tierId: 'vip', term: 'year', start: '2027-03-01', end: '2028-02-29', amount: 9000_00 }))
    expect(membershipView(input({ ledger: [...ledger(), vipYear] }))).toMatchObject({ tierName: { en: 'VIP' }, renewal: { term: 'year', price: 9600_00 } })
  })

  it('MEM-7: a tier since removed from the settings is named by its id, and no renewal is quoted', () => {
    const view = membershipView(input({ settings: { ...settings, tiers: settings.tiers.filter((t) => t.id !== 'ordinary') } }))
    expect(view.tierName).toEqual({ 'zh-CN': 'ordinary', en: 'ordinary' })
    expect(view.renewal).toBeUndefined()
    expect(() => v.parse(selfMembershipSchema, view)).not.toThrow()
  })

  it('MEM-8: the card the caller signed, with the member’s serial, and the card keys’ public halves by epoch', () => {
    const view = membershipView(input({ cardText: 'LOBBY1.signed-card-text', cardPublicJwks: { '2': jwk } }))
    expect(view.card).toEqual({ text: 'LOBBY1.signed-card-text', serial: 3 })
    expect(view.cardPublicJwks).toEqual({ '2': jwk })
    expect(v.parse(selfMembershipSchema, view)).toEqual(view)
  })

  it('MEM-8: no card text, no card', () => {
    expect(membershipView(input()).card).toBeUndefined()
  })
})

describe('self-service membership view: MEM-5 service month', () => {
  const vipMarch = entry('vip', feeEntry({ at: at('2027-03-01T02:00:00Z'), tierId: 'vip', start: '2027-03-01', end: '2027-03-31', amount: 960_00 }))
  const logs = [log('2027-03-02', 2.5), log('2027-03-09', 1), log('2027-02-27', 8), log('2027-03-03', 4, 'm2')]

  it('MEM-5: an active VIP sees this month’s hours owed, logged (this month’s, their own) and the shortfall', () => {
    const view = membershipView(input({ ledger: [vipMarch], serviceLogs: logs }))
    expect(view.service).toEqual({ month: '2027-03', owed: 8, logged: 3.5, shortfall: 4.5 })
    expect(() => v.parse(selfMembershipSchema, view)).not.toThrow()
  })

  it('MEM-5: a tier that owes no hours shows no service month', () => {
    expect(membershipView(input({ serviceLogs: logs })).service).toBeUndefined()
  })

  it('MEM-5: once the VIP term has ended, no hours are owed', () => {
    expect(membershipView(input({ ledger: [vipMarch], serviceLogs: logs, today: '2027-04-02' })).service).toBeUndefined()
  })
})

describe('self-service membership view: CONF-11 and determinism', () => {
  const others = [
    entry('other-fee', feeEntry({ memberId: 'm2', at: at('2027-03-01T02:00:00Z'), tierId: 'vip', start: '2027-03-01', end: '2027-12-31', amount: 9600_00 })),
    entry('other-deposit', depositEntry(1000_00, at('2027-03-01T02:00:00Z'), 'm2')),
  ]

  it('CONF-11: another member’s fees, deposits and service logs never reach the view', () => {
    const alone = membershipView(input())
    const mixed = membershipView(input({ ledger: [...others, ...ledger()], serviceLogs: [log('2027-03-02', 8, 'm2')] }))
    expect(mixed).toEqual(alone)
    expect(JSON.stringify(mixed)).not.toContain('other-')
  })

  it('CONF-11: the same records in any order give the same body (two staff devices write the same view)', () => {
    // Two fees of the same instant: only their ids can order them alike on every device.
    const twin = entry('fee-twin', feeEntry({ at: at('2027-02-27T03:00:00Z'), start: '2027-04-01', end: '2027-04-30', amount: 100_00 }))
    const records = [...ledger(), twin, ...others]
    const logs = [log('2027-03-02', 1), log('2027-03-01', 2)]
    const a = membershipView(input({ ledger: records, serviceLogs: logs }))
    const b = membershipView(input({ ledger: [...records].reverse(), serviceLogs: [...logs].reverse() }))
    expect(b).toEqual(a)
    expect(a.fees.map((f) => f.id)).toEqual(['fee-twin', 'fee-mar', 'fee-feb'])
  })
})
