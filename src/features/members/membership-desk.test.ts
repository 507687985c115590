import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { instantOf } from '@/core/shared/local-date'
import { generateCardKey, signCard } from '@/crypto/card-key'
import { seal } from '@/crypto/envelope'
import { generateRealmKey } from '@/crypto/realm-keys'
import { cardKeyId } from '@/storage/desk-records.repo'
import type { LobbyDb } from '@/storage/db'
import { canonicalJson, sign } from '@/crypto/signature'
import type { Session } from '@/identity/session'
import { decide, OverrideRefusedError, recordCheckIn, resolvePresented, checkOut } from './checkin-actions'
import { loadDeskSnapshot, stateOf } from './desk-snapshot'
import { rotateCardKey } from './card-key-rotation'
import { deskOrganisation } from './test-desk'
import { overCapsOn } from '@/core/membership/vip-cap'
import { enrol, joinWaitlist, pay, quoteFee, reissueCard, returnDeposit, setBlacklisted, type DeskStorage } from './membership-actions'

const tz = 'Asia/Shanghai'
// Monday 30 November 2026, 19:30 in Shanghai: inside the ordinary members' evening.
const mondayEvening = instantOf('2026-11-30', '19:30', tz)
const cash = { method: 'cash' as const, receiptNo: 'R-1' }

let storage: DeskStorage
let testDb: LobbyDb
let session: Session
let n = 0

beforeEach(async () => {
  const org = await deskOrganisation()
  const t = { storage: org.storage, db: org.db }
  storage = t.storage
  testDb = t.db
  session = org.session
})

async function ctx(now = mondayEvening) {
  return { storage, snapshot: await loadDeskSnapshot(storage), now, userId: session.userId, deviceId: 'tablet-1' }
}

async function person(name = '张伟', phone = `1380000${String(++n).padStart(4, '0')}`) {
  return storage.people.put({ name, phone, createdAt: new Date(mondayEvening).toISOString() })
}

async function member(tierId = 'ordinary', term: 'month' | 'halfYear' | 'year' = 'month', now = mondayEvening) {
  const result = await enrol(await ctx(now), { personId: await person(), tierId, term, ...cash })
  if (!result.ok) throw new Error(result.problem)
  return result.memberId
}

/** The member's card as the desk prints it: signed by the newest card key (MEM-8). */
async function cardOf(memberId: string) {
  const [keys, org, snapshot] = await Promise.all([storage.desk.cardKeys.list(), storage.signIns.getOrg(), loadDeskSnapshot(storage)])
  const key = keys.at(-1)!
  const serial = snapshot.members.find((m) => m.id === memberId)!.record.cardSerial
  return signCard({ orgId: org!.orgId, memberId, serial, epoch: key.epoch }, key.privateJwk)
}

async function scan(text: string, now = mondayEvening) {
  const c = await ctx(now)
  return decide(c, await resolvePresented(c, text))
}

describe('enrolment and fees', () => {
  it('MEM-1, MEM-10: an ordinary monthly member pays the listed 100.00 and earns 100 points; the ledger keeps the fee', async () => {
    const id = await member()
    const snapshot = await loadDeskSnapshot(storage)
    expect(snapshot.ledger).toEqual([expect.objectContaining({ kind: 'fee', memberId: id, listed: 10000, credit: 0, amount: 10000, start: '2026-11-30', end: '2026-12-29', receiptNo: 'R-1' })])
    expect(stateOf(snapshot, id, mondayEvening)).toMatchObject({ status: 'active', tierId: 'ordinary', points: 100, depositHeld: 0 })
  })

  it('MEM-1, MEM-6: a yearly VIP pays 9600.00 as listed plus the 1000.00 deposit, held until returned after the VIP term ends', async () => {
    const id = await member('vip', 'year')
    const running = await ctx()
    expect(stateOf(running.snapshot, id, mondayEvening)).toMatchObject({ status: 'active', tierId: 'vip', feesPaid: 960000, depositHeld: 100000, end: '2027-11-29' })
    // MEM-6: not while the membership runs; the desk is told the day it ends, and nothing is written.
    expect(await returnDeposit(running, { memberId: id, refunded: 100000, kept: 0, reason: '', ...cash })).toEqual({ ok: false, problem: 'membership-running', held: 100000, endsOn: '2027-11-29' })
    expect((await loadDeskSnapshot(storage)).ledger.filter((e) => e.kind === 'deposit-return')).toEqual([])
    const afterEnd = instantOf('2027-11-30', '10:00', tz)
    const c = await ctx(afterEnd)
    expect(await returnDeposit(c, { memberId: id, refunded: 100000, kept: 10000, reason: '', ...cash })).toMatchObject({ ok: false, problem: 'more-than-held' })
    expect(await returnDeposit(c, { memberId: id, refunded: 90000, kept: 10000, reason: ' ', ...cash })).toMatchObject({ ok: false, problem: 'reason-required' })
    expect(await returnDeposit(c, { memberId: id, refunded: 90000, kept: 10000, reason: '储物柜损坏', ...cash })).toEqual({ ok: true })
    expect(stateOf(await loadDeskSnapshot(storage), id, afterEnd).depositHeld).toBe(0)
  })

  it('MEM-1: a new price applies to new fees only; what a member already paid never changes', async () => {
    const id = await member() // 100.00 paid
    const settings = (await storage.desk.settings.get())!
    settings.tiers.find((t) => t.id === 'ordinary')!.prices.month = 12000
    await storage.desk.settings.save(settings)
    const c = await ctx()
    expect(c.snapshot.ledger).toEqual([expect.objectContaining({ listed: 10000, amount: 10000 })])
    expect(stateOf(c.snapshot, id, mondayEvening)).toMatchObject({ feesPaid: 10000, points: 100 })
    expect(quoteFee(c, id, 'ordinary', 'month')).toMatchObject({ ok: true, quote: { listed: 12000, amount: 12000 } })
  })

  it('refuses a fee without a receipt number, and a second enrolment of the same person', async () => {
    const personId = await person()
    expect(await enrol(await ctx(), { personId, tierId: 'ordinary', term: 'month', method: 'cash', receiptNo: ' ' })).toEqual({ ok: false, problem: 'receipt-required' })
    const first = await enrol(await ctx(), { personId, tierId: 'ordinary', term: 'month', ...cash })
    expect(first.ok).toBe(true)
    expect(await enrol(await ctx(), { personId, tierId: 'ordinary', term: 'month', ...cash })).toEqual({ ok: false, problem: 'already-member', memberId: first.ok ? first.memberId : '' })
  })

  it('MEM-4: the 5th concurrent VIP is refused naming the cap of 4, and waits in order on the list', async () => {
    for (let i = 0; i < 4; i++) await member('vip', 'month')
    const fifth = await person('李娜')
    expect(await enrol(await ctx(), { personId: fifth, tierId: 'vip', term: 'month', ...cash })).toEqual({ ok: false, problem: 'cap-full', cap: 4, tierId: 'vip' })
    await joinWaitlist(await ctx(), fifth, 'vip')
    await joinWaitlist(await ctx(), fifth, 'vip') // once is enough
    expect((await loadDeskSnapshot(storage)).waitlist.filter((w) => !w.record.closed)).toHaveLength(1)
    // Two months later the four have lapsed: the waiting person is enrolled and leaves the list.
    const later = instantOf('2027-02-01', '19:30', tz)
    const enrolled = await enrol(await ctx(later), { personId: fifth, tierId: 'vip', term: 'month', ...cash })
    expect(enrolled.ok).toBe(true)
    expect((await loadDeskSnapshot(storage)).waitlist[0]!.record.closed?.outcome).toBe('enrolled')
  })

  it('MEM-7: renewing an active membership starts the day after its end; an expired one starts today', async () => {
    const id = await member()
    const renewed = await pay(await ctx(), { memberId: id, tierId: 'ordinary', term: 'month', ...cash })
    expect(renewed).toMatchObject({ ok: true, quote: { start: '2026-12-30', end: '2027-01-29' } })
    const lapsed = instantOf('2027-03-10', '19:30', tz)
    expect(await pay(await ctx(lapsed), { memberId: id, tierId: 'ordinary', term: 'month', ...cash })).toMatchObject({ ok: true, quote: { start: '2027-03-10' } })
  })

  it('MEM-4: two offline tablets each enrol the last VIP place; after sync the over-cap names the later enrolment', async () => {
    for (let i = 0; i < 3; i++) await member('vip', 'month')
    // Each tablet decided on what it had seen before the other's enrolment arrived: three VIPs, one place left.
    const [tablet1, tablet2] = [await ctx(mondayEvening + 60_000), await ctx(mondayEvening + 120_000)]
    const second = await enrol(tablet2, { personId: await person('李娜'), tierId: 'vip', term: 'month', ...cash })
    const first = await enrol(tablet1, { personId: await person('王芳'), tierId: 'vip', term: 'month', ...cash })
    if (!first.ok || !second.ok) throw new Error('both tablets enrol offline')
    const synced = await loadDeskSnapshot(storage)
    expect(overCapsOn(synced.ledger, '2026-12-01', synced.settings)).toEqual([
      { tierId: 'vip', cap: 4, holding: 5, enrolledLast: [{ memberId: second.memberId, at: mondayEvening + 120_000, start: '2026-11-30' }] },
    ])
  })

  it('upgrade: ordinary → VIP starts today, credits the unused part of what was paid, and takes the deposit', async () => {
    const id = await member('ordinary', 'month') // 30 Nov – 29 Dec, 100.00
    const tenDaysLater = instantOf('2026-12-10', '19:30', tz)
    const quoted = quoteFee(await ctx(tenDaysLater), id, 'vip', 'month')
    // 20 of 30 days unused (10 Dec … 29 Dec): 66.66 credited, rounded down to the fen.
    expect(quoted).toMatchObject({ ok: true, quote: { upgrade: true, start: '2026-12-10', listed: 96000, credit: 6666, amount: 89334, deposit: 100000, creditDays: { remaining: 20, total: 30 } } })
  })

  it('MEM-1: a fee over the payment ceiling is not taken, even from a tier price stored before the ceilings (99,999,999,999.00)', async () => {
    const id = await member('ordinary', 'month')
    const settings = (await storage.desk.settings.get())!
    settings.tiers.find((t) => t.id === 'ordinary')!.prices.year = 99_999_999_999_00
    await storage.desk.settings.save(settings)
    expect(quoteFee(await ctx(), id, 'ordinary', 'year')).toEqual({ ok: false, problem: 'amount-too-high' })
    expect(await pay(await ctx(), { memberId: id, tierId: 'ordinary', term: 'year', ...cash })).toEqual({ ok: false, problem: 'amount-too-high' })
  })

  it('MEM-9: a blacklisted member cannot renew, and is refused at check-in; lifting restores both', async () => {
    const id = await member()
    expect(await setBlacklisted(await ctx(), id, 'add', '')).toEqual({ ok: false, problem: 'reason-required' })
    expect(await setBlacklisted(await ctx(), id, 'add', '损'.repeat(201))).toEqual({ ok: false, problem: 'reason-too-long' })
    await setBlacklisted(await ctx(), id, 'add', '损坏合作方设备')
    expect(await pay(await ctx(), { memberId: id, tierId: 'ordinary', term: 'month', ...cash })).toEqual({ ok: false, problem: 'blacklisted' })
    expect(await scan(await cardOf(id))).toEqual({ admit: false, reason: 'blacklisted' })
    // No override at the desk, even called directly, even naming another (overridable) refusal.
    for (const refusal of ['blacklisted', 'outside-hours'] as const) {
      await expect(recordCheckIn(await ctx(), id, { refusal, reason: '经理同意' })).rejects.toBeInstanceOf(OverrideRefusedError)
    }
    expect((await loadDeskSnapshot(storage)).checkIns).toEqual([])
    await setBlacklisted(await ctx(mondayEvening + 1000), id, 'lift', '已赔偿')
    expect((await scan(await cardOf(id), mondayEvening + 2000)).admit).toBe(true)
  })
})

describe('check-in at the desk', () => {
  it('MEM-3, MEM-8: the signed card admits inside the hours; the visit is recorded; a second scan is "already checked in" until check-out', async () => {
    const id = await member()
    const card = await cardOf(id)
    expect(await scan(card)).toEqual({ admit: true, tierId: 'ordinary', end: '2026-12-29' })
    const visit = await recordCheckIn(await ctx(), id)
    expect(await scan(card, mondayEvening + 60_000)).toEqual({ admit: false, reason: 'already-checked-in', since: mondayEvening })
    await checkOut(await ctx(mondayEvening + 120_000), visit, id)
    expect((await scan(card, mondayEvening + 180_000)).admit).toBe(true)
  })

  it('MEM-3: the member number and the phone find the member too; an unknown number is refused as unknown', async () => {
    const enrolled = await enrol(await ctx(), { personId: await person('陈静', '13912345678'), tierId: 'ordinary', term: 'month', ...cash })
    const id = enrolled.ok ? enrolled.memberId : ''
    const no = (await loadDeskSnapshot(storage)).members[0]!.record.memberNo
    const c = await ctx()
    expect(await resolvePresented(c, ` ${no.toLowerCase()} `)).toEqual({ kind: 'lookup', memberId: id })
    expect(await resolvePresented(c, '+86 139-1234-5678')).toEqual({ kind: 'lookup', memberId: id })
    expect(await scan('M0000000')).toEqual({ admit: false, reason: 'unknown-card' })
  })

  it('MEM-2, MEM-3: outside the tier\'s hours the refusal names the next opening', async () => {
    const id = await member()
    const fridayMorning = instantOf('2026-12-04', '10:00', tz)
    expect(await scan(await cardOf(id), fridayMorning)).toEqual({ admit: false, reason: 'outside-hours', nextOpening: instantOf('2026-12-05', '14:30', tz) })
    // MEM-3: this one the desk may override, with a reason (audited).
    const visit = await recordCheckIn(await ctx(fridayMorning), id, { refusal: 'outside-hours', reason: '经理同意' })
    expect((await loadDeskSnapshot(storage)).checkIns.map((c) => c.id)).toEqual([visit])
  })

  it('MEM-8: a reissued card makes the old one "revoked"; a tampered card is "forged" and audited', async () => {
    const id = await member()
    const old = await cardOf(id)
    await reissueCard(await ctx(), id)
    expect(await scan(old)).toEqual({ admit: false, reason: 'revoked-card' })
    // MEM-3: a revoked or forged card is not overridden at the desk (the member is looked up, or the card reissued).
    for (const refusal of ['revoked-card', 'forged-card'] as const) {
      await expect(recordCheckIn(await ctx(), id, { refusal, reason: '会员说是新卡' })).rejects.toBeInstanceOf(OverrideRefusedError)
    }
    expect((await loadDeskSnapshot(storage)).checkIns).toEqual([])
    expect((await scan(await cardOf(id))).admit).toBe(true)
    const [prefix, mid, , epoch, sig] = old.split('.')
    expect(await scan(`${prefix}.${mid}.7.${epoch}.${sig}`)).toEqual({ admit: false, reason: 'forged-card' })
    const entries = await storage.audit.read(session.keyring.auditPrivate!)
    expect(entries.map((e) => e.event?.action)).toContain('card.forged')
    expect(entries.map((e) => e.event?.action)).toContain('card.reissue')
  })
})

describe('card key epochs at the desk', () => {
  const day = 86_400_000

  it('MEM-8: after the card key is rotated, an old card is admitted with a reissue prompt for the grace days, then refused as card-outdated (no override)', async () => {
    const id = await member('ordinary', 'year')
    const old = await cardOf(id)
    expect(old).toMatch(/^LBY2\.[^.]+\.1\.1\./)
    expect(await rotateCardKey(storage, session, mondayEvening)).toBe(2)
    expect((await storage.desk.cardKeys.list()).map((k) => k.epoch)).toEqual([1, 2])
    expect(await scan(old)).toMatchObject({ admit: true, tierId: 'ordinary', reissueCard: true })
    expect(await scan(old, mondayEvening + 28 * day)).toMatchObject({ admit: true, reissueCard: true })
    // Default grace: 30 days from the rotation; five weeks on (a Monday evening, inside the ordinary hours) it is over.
    const after = mondayEvening + 35 * day
    expect(await scan(old, after)).toEqual({ admit: false, reason: 'card-outdated' })
    await expect(recordCheckIn(await ctx(after), id, { refusal: 'card-outdated', reason: '老会员' })).rejects.toBeInstanceOf(OverrideRefusedError)
    // The desk reissues the card: signed by the newest key, it is current.
    await reissueCard(await ctx(after), id)
    const fresh = await cardOf(id)
    expect(fresh).toMatch(/^LBY2\.[^.]+\.2\.2\./)
    const admitted = await scan(fresh, after)
    expect(admitted).toMatchObject({ admit: true, tierId: 'ordinary' })
    expect(admitted).not.toHaveProperty('reissueCard')
  })

  it('MEM-8: a card key this device cannot open yet (its desk key not taken in) is left out; its cards are unknown here, not forged', async () => {
    const id = await member()
    const [first] = await storage.desk.cardKeys.list()
    const org = (await storage.signIns.getOrg())!
    const other = await generateCardKey()
    const stray = await seal(
      { _id: cardKeyId(2), type: 'card-key', realm: 'desk', kid: 'desk:2', v: 1, by: session.userId },
      { fields: { orgId: org.orgId, ...other, createdAt: mondayEvening, epoch: 2 }, clocks: {} },
      await generateRealmKey(),
    )
    await testDb.records.put(stray)
    expect((await storage.desk.cardKeys.list()).map((k) => k.epoch)).toEqual([1])
    const newer = await signCard({ orgId: org.orgId, memberId: id, serial: 1, epoch: 2 }, other.privateJwk)
    expect(await scan(newer)).toEqual({ admit: false, reason: 'unknown-card' })
    const entries = await storage.audit.read(session.keyring.auditPrivate!)
    expect(entries.map((e) => e.event?.action)).not.toContain('card.forged')
    expect(first!.epoch).toBe(1)
  })

  it('MEM-8: the grace is a membership setting a manager can change', async () => {
    const id = await member()
    const old = await cardOf(id)
    const settings = (await storage.desk.settings.get())!
    await storage.desk.settings.save({ ...settings, cardGraceDays: 0 })
    await rotateCardKey(storage, session, mondayEvening - 1000)
    expect(await scan(old)).toEqual({ admit: false, reason: 'card-outdated' })
  })

  it('MEM-8: a card printed before epochs (LBY1) reads as a card of the first key', async () => {
    const id = await member()
    const [key] = await storage.desk.cardKeys.list()
    const lby2 = await cardOf(id)
    const [, mid, serial] = lby2.split('.')
    const signature = await sign(
      await crypto.subtle.importKey('jwk', key!.privateJwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']),
      new TextEncoder().encode(canonicalJson(['lobby-card-v1', (await storage.signIns.getOrg())!.orgId, mid, Number(serial)])),
    )
    expect((await scan(`LBY1.${mid}.${serial}.${signature}`)).admit).toBe(true)
    await rotateCardKey(storage, session, mondayEvening)
    expect(await scan(`LBY1.${mid}.${serial}.${signature}`)).toMatchObject({ admit: true, reissueCard: true })
  })
})
