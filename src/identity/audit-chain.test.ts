import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createOrganisation } from '@/identity/organisation'
import type { AuditEntry } from '@/storage/documents'
import { createTestStorage } from '@/storage/testing'

const cost = { memoryKiB: 19456, iterations: 2, parallelism: 1 }

async function orgStorage() {
  const t = createTestStorage()
  const org = await createOrganisation(t.storage, { name: '王经理', username: 'admin', passphrase: 'front desk keeps the keys 2026', agreementAccepted: true }, cost, [])
  if (!org.ok) throw new Error(org.problem)
  return { ...t, session: org.session }
}

describe('CONF-6 audit log', () => {
  it('chains and signs every entry so the whole log verifies', async () => {
    const { storage, session } = await orgStorage()
    await storage.audit.append({ action: 'lock', by: session.userId })
    await Promise.all([1, 2, 3].map(() => storage.audit.append({ action: 'reveal', by: session.userId, recordId: 'p1' })))
    const findings = await storage.audit.verifyChains()
    // org.create, record.create (admin's staff profile; no feature founding steps passed), agreement.accept, sign-in,
    // lock, 3 × reveal
    expect(findings.map((f) => f.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(findings.every((f) => f.ok)).toBe(true)
  })

  it('reports an edited entry as broken, and only that one', async () => {
    const { storage, db, session } = await orgStorage()
    await storage.audit.append({ action: 'lock', by: session.userId })
    const victim = (await db.audit.where('[dev+seq]').between([''], ['\uffff']).toArray()).find((e): e is AuditEntry => e.type === 'audit' && e.seq === 2)!
    await db.audit.put({ ...victim, by: 'someone-else' } as AuditEntry)
    const broken = (await storage.audit.verifyChains()).filter((f) => !f.ok)
    expect(broken).toEqual([{ id: victim._id, dev: victim.dev, seq: 2, ok: false, problems: ['hash'] }])
  })

  it('reports a deleted entry as a gap, and a re-hashed forgery as a bad signature', async () => {
    const { storage, db, session } = await orgStorage()
    const all = await db.audit.toArray()
    await db.audit.delete(all.find((e) => e.seq === 2)!._id)
    expect((await storage.audit.verifyChains()).filter((f) => !f.ok).map((f) => f.problems)).toEqual([['gap', 'link']])
    const appended = await storage.audit.append({ action: 'lock', by: session.userId })
    // A forger who recomputes the hash still cannot sign: reuse another entry's signature.
    await db.audit.put({ ...appended!, sig: all[0]!.sig })
    expect((await storage.audit.verifyChains()).find((f) => f.id === appended!._id)?.problems).toEqual(['signature'])
  })

  it('lets only the audit private key read what happened', async () => {
    const { storage, session } = await orgStorage()
    const read = await storage.audit.read(session.keyring.auditPrivate!)
    expect(read.map((r) => r.event?.action)).toEqual(['org.create', 'record.create', 'agreement.accept', 'sign-in'])
    expect(read.every((r) => r.event?.by === session.userId)).toBe(true)
  })

  it("CONF-10 finds a device's newest sync and sign-in by opening its chain newest first, within a limit", async () => {
    const { storage, session } = await orgStorage()
    await storage.audit.append({ action: 'sync', by: session.userId, detail: 'https://a.example/db' })
    await storage.audit.append({ action: 'sync', by: session.userId, detail: 'https://b.example/db' })
    for (let i = 0; i < 3; i++) await storage.audit.append({ action: 'reveal', by: session.userId, recordId: `p${i}` })
    const dev = (await storage.devices.list()).find((d) => d.userId === session.userId)!.deviceId
    const found = await storage.audit.latestOf(session.keyring.auditPrivate!, dev, ['sync', 'sign-in'])
    expect([found.get('sync')?.detail, found.get('sign-in')?.action]).toEqual(['https://b.example/db', 'sign-in'])
    // Within the newest four entries there are the reveals and the last sync, but no sign-in.
    expect([...(await storage.audit.latestOf(session.keyring.auditPrivate!, dev, ['sync', 'sign-in'], 4)).keys()]).toEqual(['sync'])
    expect((await storage.audit.latestOf(new Map(), dev, ['sync'])).size).toBe(0)
  })

  it('CONF-9 records the audit key each entry is sealed to, covers it by the hash, and reads an older entry without it as audit:1', async () => {
    const { storage, db, session } = await orgStorage()
    const entry = (await storage.audit.append({ action: 'lock', by: session.userId }))!
    expect(entry.akid).toBe('audit:1')
    // An older organisation document (no auditKid) still means audit:1.
    const { auditKid: _dropped, ...older } = (await storage.signIns.getOrg())!
    await storage.signIns.putOrg(older)
    expect((await storage.audit.append({ action: 'unlock', by: session.userId }))?.akid).toBe('audit:1')
    // Changing the key id breaks the chain like any other edit.
    await db.audit.put({ ...entry, akid: 'audit:2' } as AuditEntry)
    expect((await storage.audit.verifyChains()).filter((f) => !f.ok).map((f) => [f.id, f.problems])).toEqual([[entry._id, ['hash']]])
    // An entry written before key ids existed has none, and opens with audit:1.
    const { akid: _none, ...legacy } = entry
    await db.audit.put(legacy)
    const read = await storage.audit.read(session.keyring.auditPrivate!)
    expect(read.find((r) => r.entry._id === entry._id)?.event?.action).toBe('lock')
    // Without the key it names, an entry reads as nothing (not as an error).
    expect((await storage.audit.read(new Map())).every((r) => r.event === undefined)).toBe(true)
  })
})

describe('CONF-6 signed heads: the end of a chain cannot be cut off', () => {
  const entriesOf = async (db: Awaited<ReturnType<typeof orgStorage>>['db']) =>
    (await db.audit.toArray()).filter((e) => e.type === 'audit').sort((a, b) => a.seq - b.seq)

  it('reports the entries missing before the newest signed head, when the last entries are deleted and the chain rewound', async () => {
    const { storage, db, session } = await orgStorage()
    for (let i = 0; i < 5; i++) await storage.audit.append({ action: 'lock', by: session.userId })
    const chain = await entriesOf(db)
    const last = chain.at(-1)!
    expect(last.seq).toBe(9)
    // Whoever can write the store (a server operator) deletes entries 8 and 9: what is left is a well-formed chain.
    await db.audit.bulkDelete([chain.at(-2)!._id, last._id])
    const findings = await storage.audit.verifyChains()
    expect(findings.filter((f) => !f.ok)).toEqual([{ id: `missing:${last.dev}:8`, dev: last.dev, seq: 8, to: 9, head: 9, ok: false, problems: ['missing'] }])
  })

  it('remembers the newest head it has seen, so deleting the head too does not hide the cut', async () => {
    const { storage, db, session } = await orgStorage()
    await storage.audit.append({ action: 'lock', by: session.userId })
    expect((await storage.audit.verifyChains()).every((f) => f.ok)).toBe(true)
    const chain = await entriesOf(db)
    const last = chain.at(-1)!
    const heads = (await db.audit.toArray()).filter((e) => e.type !== 'audit')
    expect(heads.map((h) => [h.dev, h.seq])).toEqual([[last.dev, last.seq]])
    await db.audit.bulkDelete([last._id, ...heads.map((h) => h._id)])
    expect((await storage.audit.verifyChains()).filter((f) => !f.ok).map((f) => [f.seq, f.to, f.problems])).toEqual([[last.seq, last.seq, ['missing']]])
  })

  it('ignores a head that its device did not sign', async () => {
    const { storage, db, session } = await orgStorage()
    await storage.audit.append({ action: 'lock', by: session.userId })
    const head = (await db.audit.toArray()).find((e) => e.type !== 'audit')!
    await db.audit.put({ ...head, seq: head.seq + 5 })
    const broken = (await storage.audit.verifyChains()).filter((f) => !f.ok)
    expect(broken.map((f) => f.problems)).toEqual([['head-signature']])
  })
})

describe('CONF-6 what happens while nobody is signed in', () => {
  it('holds a failed sign-in, then opens the next user’s chain with it as "anonymous", sealed naming the account tried', async () => {
    const { storage, db, session } = await orgStorage()
    const before = (await db.audit.toArray()).length
    expect(await storage.audit.append({ action: 'sign-in.failed', by: 'u-tried' })).toBeUndefined()
    expect((await db.audit.toArray()).length).toBe(before) // held, in no chain yet
    await storage.audit.append({ action: 'sign-in', by: session.userId })
    const read = await storage.audit.read(session.keyring.auditPrivate!)
    const [failed, signedIn] = read.slice(-2)
    expect([failed!.entry.by, failed!.event?.action, failed!.event?.by]).toEqual(['anonymous', 'sign-in.failed', 'u-tried'])
    expect([signedIn!.entry.by, signedIn!.entry.seq]).toEqual([session.userId, failed!.entry.seq + 1])
    expect(failed!.entry.dev.startsWith(`${session.userId}:`)).toBe(true)
    expect((await storage.audit.verifyChains()).every((f) => f.ok)).toBe(true)
  })
})

describe('CONF-6 heads remembered as they arrive', () => {
  it('keeps the newest signed head when the log is pulled, so entries and head deleted before any check still show as missing', async () => {
    const { storage, db, session } = await orgStorage()
    await storage.audit.append({ action: 'lock', by: session.userId })
    await storage.audit.rememberHeads() // what a manager's device does after each pull of lobby_audit
    const last = (await db.audit.toArray()).filter((e) => e.type === 'audit').sort((a, b) => b.seq - a.seq)[0]!
    await db.audit.bulkDelete([last._id, `audit-head:${last.dev}`])
    expect((await storage.audit.verifyChains()).filter((f) => !f.ok).map((f) => [f.seq, f.to, f.problems])).toEqual([[last.seq, last.seq, ['missing']]])
  })
})
