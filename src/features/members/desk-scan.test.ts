import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { instantOf } from '@/core/shared/local-date'
import type { Member } from '@/core/membership/types'
import { signCard } from '@/crypto/card-key'
import * as envelope from '@/crypto/envelope'
import { memberNumberFrom } from '@/core/membership/member-number'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createTestStorage } from '@/storage/testing'
import { createOrganisation } from '@/identity/organisation'
import type { Session } from '@/identity/session'
import { membersModule } from './module'
import { scanAtDesk } from './checkin-actions'

vi.mock('@/crypto/envelope', async (original) => {
  const real = await original<typeof envelope>()
  return { ...real, open: vi.fn(real.open) }
})
const opened = vi.mocked(envelope.open)

const cost = { memoryKiB: 19456, iterations: 2, parallelism: 1 }
const tz = 'Asia/Shanghai'
const mondayEvening = instantOf('2026-11-30', '19:30', tz)
const pastDays = ['2026-11-25']
const memberCount = 200

let t: ReturnType<typeof createTestStorage>
let session: Session
const ids: { memberId: string; memberNo: string; phone: string }[] = []

/** A desk of 200 members, each with a person, a paid month, and a visit on an earlier day. */
beforeAll(async () => {
  t = createTestStorage()
  const org = await createOrganisation(t.storage, { name: '王经理', username: 'admin', passphrase: 'front desk keeps the keys 2026', agreementAccepted: true }, cost, [membersModule.onFounded!])
  if (!org.ok) throw new Error(org.problem)
  session = org.session
  t.setKeys(keySourceFrom(session.keyring))
  const desk = t.storage.desk
  for (let i = 0; i < memberCount; i++) {
    const phone = `1390000${String(i).padStart(4, '0')}`
    const personId = await t.storage.people.put({ name: `会员${i}`, phone, createdAt: '2026-01-01T00:00:00Z' })
    const member: Member = { personId, memberNo: memberNumberFrom(crypto.getRandomValues(new Uint8Array(8))), cardSerial: 1, createdAt: mondayEvening - 86_400_000 }
    const memberId = await desk.members.put(member)
    const base = { memberId, at: mondayEvening - 86_400_000, method: 'cash' as const, receiptNo: `R-${i}`, by: session.userId }
    await desk.ledger.add({ ...base, kind: 'fee', tierId: 'ordinary', term: 'month', listed: 10000, credit: 0, amount: 10000, start: '2026-11-29', end: '2026-12-28' })
    for (const day of pastDays) await desk.checkIns.add({ memberId, at: instantOf(day, '19:00', tz), day, deviceId: 'tablet-1', by: session.userId })
    ids.push({ memberId, memberNo: member.memberNo, phone })
  }
  await desk.reindex()
}, 300_000)

/** A session as after unlocking: the same keys, nothing opened yet. */
function freshSession() {
  t.setKeys(keySourceFrom(session.keyring))
  return { storage: t.storage, now: mondayEvening, userId: session.userId, deviceId: 'tablet-1' }
}

async function cardOf(memberId: string) {
  const [keys, org] = await Promise.all([t.storage.desk.cardKeys.list(), t.storage.signIns.getOrg()])
  const key = keys.at(-1)!
  return signCard({ orgId: org!.orgId, memberId, serial: 1, epoch: key.epoch }, key.privateJwk)
}

// A scan reads a slice: the card keys and settings, the member, their fees and blacklist, today's visits.
const scanBound = 20

describe('MEM-3 a scan reads a slice of the desk realm, not the realm', () => {
  it('a card scan among 200 members with fees and visits opens at most a handful of records, and admits', async () => {
    const card = await cardOf(ids[7]!.memberId)
    const ctx = freshSession()
    opened.mockClear()
    const outcome = await scanAtDesk(ctx, card)
    expect(outcome.decision).toEqual({ admit: true, tierId: 'ordinary', end: '2026-12-28' })
    expect(opened.mock.calls.length).toBeLessThanOrEqual(scanBound)
    // MEM-3: the visit is recorded with its day, and the next scan of the same card sees it (already in).
    opened.mockClear()
    expect((await scanAtDesk({ ...ctx, now: mondayEvening + 60_000 }, card)).decision).toEqual({ admit: false, reason: 'already-checked-in', since: mondayEvening })
    expect(opened.mock.calls.length).toBeLessThanOrEqual(scanBound)
  }, 30_000)

  it('a member number and a phone number are found through blind indexes, opening at most a handful of records', async () => {
    const { memberNo, phone, memberId } = ids[42]!
    for (const text of [memberNo, phone]) {
      const ctx = freshSession()
      opened.mockClear()
      const outcome = await scanAtDesk(ctx, text)
      expect(outcome.memberId).toBe(memberId)
      expect(opened.mock.calls.length).toBeLessThanOrEqual(scanBound)
    }
  }, 30_000)
})

describe('MEM-3 a scan does not wait on the day: it reads its member’s visits of today only', () => {
  it('with 40 others already in today, a scan opens no visit but its member’s', async () => {
    for (const { memberId } of ids.slice(100, 140))
      await t.storage.desk.checkIns.add({ memberId, at: mondayEvening - 3_600_000, day: '2026-11-30', deviceId: 'tablet-2', by: session.userId })
    const { memberNo, memberId } = ids[150]!
    const ctx = freshSession()
    opened.mockClear()
    const outcome = await scanAtDesk(ctx, memberNo)
    expect(outcome.decision.admit).toBe(true)
    expect(opened.mock.calls.length).toBeLessThanOrEqual(scanBound)
    // What it read of today is its member's own visit, the one just recorded, and no one else's.
    expect(outcome.slice.checkIns.map((c) => c.record.memberId)).toEqual([memberId])
    // And the next scan of the same member sees it: already in.
    expect((await scanAtDesk({ ...ctx, now: mondayEvening + 60_000 }, memberNo)).decision).toMatchObject({ admit: false, reason: 'already-checked-in' })
  }, 60_000)
})
