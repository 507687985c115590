import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createOrganisation } from '@/identity/organisation'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createTestStorage } from '@/storage/testing'
import { verifyCard } from '@/crypto/card-key'
import { rotateCardKey } from '@/features/members/card-key-rotation'
import { cardKeyRing } from '@/features/members/card-keys'
import { deskOrganisation, testCost } from '@/features/members/test-desk'
import { issueBadge, readBadge } from './badge-token'

const visitId = 'visit:Zm9vYmFyYmF6cXV4MTIzNA'
const minute = 60_000
const at = Date.UTC(2026, 11, 7, 2, 0)
const expiresAt = at + 8 * 60 * minute

describe('REC-4 badges issued and read at the desk', () => {
  it('REC-4: a badge is signed with the newest card key this session holds, and reads back at reception until it expires', async () => {
    const { storage, session } = await deskOrganisation()
    const issued = await issueBadge(storage, visitId, expiresAt)
    if (!issued.ok) throw new Error(issued.problem)
    expect(issued.text).toMatch(/^LBV1\.visit:[^.]+\.\d+\.1\./)
    expect(await readBadge(storage, issued.text, at)).toEqual({ ok: true, visitId, expiresAt, epoch: 1 })
    expect(await readBadge(storage, issued.text, expiresAt + minute)).toEqual({ ok: false, reason: 'expired', visitId, expiresAt, epoch: 1 })
    // MEM-8 rotates the card key: new badges take the new epoch, and today's badges of the old one still read.
    await rotateCardKey(storage, session, at + minute)
    const after = await issueBadge(storage, visitId, expiresAt)
    expect(after.ok && after.text.split('.')[3]).toBe('2')
    expect(await readBadge(storage, issued.text, at + 2 * minute)).toMatchObject({ ok: true, epoch: 1 })
  })

  it('REC-4, MEM-8: a badge of a replaced card key reads for a day after the rotation, then not (a leaver kept the old key)', async () => {
    const { storage, session } = await deskOrganisation()
    const longVisit = at + 3 * 24 * 60 * minute
    const old = await issueBadge(storage, visitId, longVisit)
    if (!old.ok) throw new Error(old.problem)
    const rotatedAt = at + minute
    await rotateCardKey(storage, session, rotatedAt)
    expect(await readBadge(storage, old.text, rotatedAt + 23 * 60 * minute)).toMatchObject({ ok: true, epoch: 1 })
    expect(await readBadge(storage, old.text, rotatedAt + 25 * 60 * minute)).toEqual({ ok: false, reason: 'retired-key' })
    const fresh = await issueBadge(storage, visitId, longVisit)
    if (!fresh.ok) throw new Error(fresh.problem)
    expect(await readBadge(storage, fresh.text, rotatedAt + 25 * 60 * minute)).toMatchObject({ ok: true, epoch: 2 })
  })

  it('REC-4: a badge is never read as a member card, nor a card as a badge', async () => {
    const { storage } = await deskOrganisation()
    const issued = await issueBadge(storage, visitId, expiresAt)
    if (!issued.ok) throw new Error(issued.problem)
    const org = (await storage.signIns.getOrg())!
    const ring = cardKeyRing(await storage.desk.cardKeys.list(), org.orgId)
    expect(await verifyCard(issued.text, ring.publicKeys, org.orgId)).toEqual({ ok: false, reason: 'not-a-card' })
    expect(await readBadge(storage, 'LBY2.member:abc.1.1.' + 'A'.repeat(86), at)).toEqual({ ok: false, reason: 'not-a-badge' })
  })

  it("REC-4: another organisation's badge reads as forged here", async () => {
    const [ours, theirs] = await Promise.all([deskOrganisation(), deskOrganisation()])
    const issued = await issueBadge(theirs.storage, visitId, expiresAt)
    if (!issued.ok) throw new Error(issued.problem)
    expect(await readBadge(ours.storage, issued.text, at)).toEqual({ ok: false, reason: 'forged' })
  })

  it('REC-4: with no card key in this session, a badge is refused clearly (not signed with nothing), and none can be checked', async () => {
    const t = createTestStorage()
    const org = await createOrganisation(t.storage, { name: '王经理', username: 'admin', passphrase: 'front desk keeps the keys 2026', agreementAccepted: true }, testCost, [])
    if (!org.ok) throw new Error(org.problem)
    t.setKeys(keySourceFrom(org.session.keyring))
    expect(await t.storage.desk.cardKeys.list()).toEqual([])
    expect(await issueBadge(t.storage, visitId, expiresAt)).toEqual({ ok: false, problem: 'no-card-key' })
    const { storage: other } = await deskOrganisation()
    const issued = await issueBadge(other, visitId, expiresAt)
    if (!issued.ok) throw new Error(issued.problem)
    expect(await readBadge(t.storage, issued.text, at)).toEqual({ ok: false, reason: 'unknown-key' })
  })
})
