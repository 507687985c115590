import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LedgerEntry } from '@/core/membership/types'
import { generateIndexKey, generateRealmKey } from '@/crypto/realm-keys'
import { recordsOfType } from '../records-of-type'
import type { AuditEntry, OrgDoc } from '../documents'
import type { KeySource } from '../key-source'
import { createTestStorage } from '../testing'

/** A storage with an organisation (so writes are audited) and a session holding the desk key. */
async function deskStorage() {
  const t = createTestStorage()
  const audit = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])
  const org: OrgDoc = {
    _id: 'org',
    type: 'org',
    orgId: 'o1',
    createdAt: '2026-12-01T00:00:00Z',
    auditPublicJwk: await crypto.subtle.exportKey('jwk', audit.publicKey),
    settings: { agreement: { 'zh-CN': '', en: '' }, idleLockSeconds: { frontdesk: 60, personal: 300 } },
  }
  await t.db.org.put(org)
  const key = await generateRealmKey()
  const indexKey = await generateIndexKey()
  const keys: KeySource = {
    userId: 'u1',
    writeKey: (realm) => (realm === 'desk' ? { kid: 'desk:1', key } : undefined),
    lookup: (kid) => (kid === 'desk:1' ? key : undefined),
    indexKey: (realm) => (realm === 'desk' ? indexKey : undefined),
  }
  t.setKeys(keys)
  return Object.assign(t, { auditPrivate: new Map([['audit:1', audit.privateKey]]) })
}

const fee = (receiptNo: string): LedgerEntry => ({
  kind: 'deposit',
  memberId: 'member:m1',
  at: 1_764_547_200_000,
  tierId: 'vip',
  amount: 50_000,
  method: 'cash',
  receiptNo,
  by: 'u1',
})

const auditEntries = async (t: ReturnType<typeof createTestStorage>) => (await t.db.audit.toArray()).filter((e): e is AuditEntry => e.type === 'audit')
const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')

afterEach(() => vi.restoreAllMocks())

describe('bulk writes: records and their audit entries in one transaction (issue 9 §2, CONF-6)', () => {
  it('writes every record and one chained audit entry naming each of them', async () => {
    const t = await deskStorage()
    await t.storage.audit.append({ action: 'lock', by: 'u1' })
    const ids = await t.storage.desk.ledger.addMany([fee('R1'), fee('R2'), fee('R3')])
    expect((await t.storage.desk.ledger.list()).map((s) => s.record.receiptNo).sort()).toEqual(['R1', 'R2', 'R3'])
    const entries = (await auditEntries(t)).sort((a, b) => a.seq - b.seq)
    expect(entries.map((e) => e.seq)).toEqual([1, 2])
    const findings = await t.storage.audit.verifyChains()
    expect(findings.every((f) => f.ok)).toBe(true)
    expect(ids).toHaveLength(3)
    const events = (await t.storage.audit.read(t.auditPrivate)).map((r) => r.event)
    expect(events).toContainEqual(expect.objectContaining({ action: 'record.create', by: 'u1', recordType: 'ledger', recordIds: ids }))
  })

  it('stores neither the records nor their audit entries when the disk fills while auditing', async () => {
    const t = await deskStorage()
    await t.storage.audit.append({ action: 'lock', by: 'u1' })
    // A batch's audit entries are written with one bulkAdd. Dexie's table methods return its own promise type; a plain
    // rejected promise stands in for a full disk.
    vi.spyOn(t.db.audit, 'bulkAdd').mockImplementation((() => Promise.reject(quotaExceeded())) as unknown as typeof t.db.audit.bulkAdd)
    await expect(t.storage.desk.ledger.addMany([fee('R1'), fee('R2')])).rejects.toThrow(/quota/i)
    vi.restoreAllMocks()
    expect(await recordsOfType(t.db, 'ledger').count()).toBe(0)
    expect((await auditEntries(t)).map((e) => e.seq)).toEqual([1])
    // The chain's head did not move: the next entry follows the last one that landed.
    await t.storage.audit.append({ action: 'lock', by: 'u1' })
    expect((await t.storage.audit.verifyChains()).every((f) => f.ok)).toBe(true)
  })

  it('stores no audit entry when a record write fails', async () => {
    const t = await deskStorage()
    vi.spyOn(t.db.records, 'bulkPut').mockImplementation((() => Promise.reject(quotaExceeded())) as unknown as typeof t.db.records.bulkPut)
    await expect(t.storage.desk.ledger.addMany([fee('R1'), fee('R2')])).rejects.toThrow(/quota/i)
    vi.restoreAllMocks()
    expect(await t.db.records.count()).toBe(0)
    expect(await auditEntries(t)).toEqual([])
  })

  it('puts many members at once, each findable', async () => {
    const t = await deskStorage()
    const member = (memberNo: string) => ({ personId: `person:${memberNo}`, memberNo, cardSerial: 1, createdAt: 1 })
    await t.storage.desk.members.putMany([{ record: member('A1') }, { record: member('B2') }])
    expect((await t.storage.desk.members.findByMemberNo('B2')).map((s) => s.record.personId)).toEqual(['person:B2'])
    const events = (await t.storage.audit.read(t.auditPrivate)).map((r) => r.event)
    expect(events.map((e) => [e?.action, e?.recordIds?.length])).toEqual([['record.create', 2]])
  })
})
