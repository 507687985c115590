import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { sign, canonicalJson } from '@/crypto/signature'
import { utf8 } from '@/crypto/bytes'
import { openSealed } from '@/crypto/sealed-box'
import { completeFirstSignIn } from '@/identity/first-sign-in'
import { createOrganisation } from '@/identity/organisation'
import type { Session } from '@/identity/session'
import { signIn } from '@/identity/sign-in'
import { createStaff } from '@/identity/staff-accounts'
import { testFounder, testKdfCost } from '@/identity/testing'
import type { NoticeAckDoc, NoticeDoc } from '@/storage/documents'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { NoticeRecipientError, NotTheRecipientError } from '@/storage/notices.repo'
import { createTestStorage } from '@/storage/testing'

/** One device: the founder, a front-desk user, an agent (the host) and a technician, each signed in once (so certified). */
async function organisation() {
  const t = createTestStorage()
  const org = await createOrganisation(t.storage, testFounder, testKdfCost)
  if (!org.ok) throw new Error(org.problem)
  const users: Record<string, Session> = {}
  for (const [username, role] of [['desk1', 'frontdesk'], ['agent1', 'agent'], ['tech1', 'technician']] as const) {
    t.setKeys(keySourceFrom(org.session.keyring))
    const created = await createStaff(t.storage, org.session, { name: username, username, role }, testKdfCost)
    if (!created.ok) throw new Error(created.problem)
    const first = await signIn(t.storage, username, created.setupCode)
    if (first.status !== 'setup-required') throw new Error(first.status)
    const done = await completeFirstSignIn(t.storage, first.pending, { passphrase: `green tea every single morning ${username.length}`, agreementAccepted: true }, testKdfCost)
    if (!done.ok) throw new Error(done.problem)
    users[username] = done.session
  }
  const as = (name: 'desk1' | 'agent1' | 'tech1') => t.setKeys(keySourceFrom(users[name]!.keyring))
  return { ...t, users: users as Record<'desk1' | 'agent1' | 'tech1', Session>, as }
}

const visitor = { visitId: 'visit:v1', name: '欧阳娜娜', place: 'Lobby' }
const at = Date.UTC(2026, 11, 7, 9, 30)

describe('REC-3: notices sealed to their recipient, acknowledged by them alone', { timeout: 60_000 }, () => {
  it('the host opens what the desk sent; the stored notice holds the visitor only as ciphertext', async () => {
    const { storage, db, users, as } = await organisation()
    as('desk1')
    const id = await storage.notices.send({ to: users.agent1.userId, kind: 'visitor-arrived', body: visitor, at })
    const raw = JSON.stringify(await db.notices.get(id))
    expect(raw).not.toContain(visitor.name)
    expect(raw).not.toContain('visitor-arrived')
    as('agent1')
    expect(await storage.notices.mine()).toEqual([{ id, from: users.desk1.userId, kind: 'visitor-arrived', body: visitor, at }])
  })

  it('a third staff member sees that a notice exists but cannot open it or acknowledge it', async () => {
    const { storage, db, users, as } = await organisation()
    as('desk1')
    const id = await storage.notices.send({ to: users.agent1.userId, kind: 'visitor-arrived', body: visitor, at })
    as('tech1')
    expect(await storage.notices.mine()).toEqual([])
    const doc = (await db.notices.get(id)) as NoticeDoc
    await expect(openSealed(users.tech1.keyring.userKeys.ecdh.privateKey, doc.box, `notice|${id}|${doc.by}`)).rejects.toMatchObject({ code: 'tampered' })
    await expect(storage.notices.acknowledge(id, at)).rejects.toBeInstanceOf(NotTheRecipientError)
  })

  it('the desk sees whether the notice has reached the server and who acknowledged it, when, on which device', async () => {
    const { storage, db, users, as } = await organisation()
    as('desk1')
    const id = await storage.notices.send({ to: users.agent1.userId, kind: 'visitor-arrived', body: visitor, at })
    expect(await storage.notices.statusOf([id])).toEqual(new Map([[id, { sent: false }]]))
    expect(await storage.notices.awaitingAck(at)).toBe(true)
    // Handed to replication (the mark goes), then the round that pushes it reaches the server.
    await db.notices.update(id, { _local: undefined, _rev: '1-a' })
    await storage.notices.notePushed()
    expect((await storage.notices.statusOf([id])).get(id)).toEqual({ sent: true })
    // A day on, the device forgets when it sent it (the list it reads at every poll stays short); still sent.
    expect(await storage.notices.awaitingAck(at + 2 * 86_400_000)).toBe(false)
    expect(await db.local.get(`notice-out:${id}`)).toBeUndefined()
    expect((await storage.notices.statusOf([id])).get(id)).toEqual({ sent: true })

    as('agent1')
    await storage.notices.acknowledge(id, at + 60_000)
    await storage.notices.acknowledge(id, at + 120_000) // once: the first stands
    expect((await storage.notices.mine())[0]?.ackedAt).toBe(at + 60_000)
    const device = (await storage.userDevice(users.agent1.userId)).deviceId

    as('desk1')
    expect((await storage.notices.statusOf([id])).get(id)).toEqual({ sent: true, ackedAt: at + 60_000, ackedBy: users.agent1.userId, ackedDevice: device })
    expect(await storage.notices.awaitingAck(at)).toBe(false)
  })

  it('an acknowledgement forged by someone else, or not signed by the recipient, is refused and set aside', async () => {
    const { storage, db, users, as } = await organisation()
    as('desk1')
    const id = await storage.notices.send({ to: users.agent1.userId, kind: 'visitor-arrived', body: visitor, at })
    const notice = (await db.notices.get(id)) as NoticeDoc
    // The technician writes the agent's acknowledgement, signed with their own key.
    const forged = { _id: `notice-ack:${users.agent1.userId}:${notice.nid}`, type: 'notice-ack' as const, by: users.agent1.userId, nid: notice.nid, at, device: `${users.agent1.userId}:x` }
    const sig = await sign(users.tech1.keyring.userKeys.ecdsa.privateKey, utf8(canonicalJson({ purpose: 'lobby-notice-ack', id: forged._id, by: forged.by, nid: forged.nid, at, device: forged.device })))
    await db.notices.put({ ...forged, sig, _rev: '1-f' } satisfies NoticeAckDoc)
    expect((await storage.notices.statusOf([id])).get(id)).toEqual({ sent: false })
    expect((await storage.quarantined()).map((q) => q.docId)).toContain(forged._id)
  })

  it('a notice whose signature is not its author\'s is not shown', async () => {
    const { storage, db, users, as } = await organisation()
    as('desk1')
    const id = await storage.notices.send({ to: users.agent1.userId, kind: 'visitor-arrived', body: visitor, at })
    const doc = (await db.notices.get(id)) as NoticeDoc
    // The technician re-signs the desk's notice as if it were theirs: the box no longer opens for that author, nor the signature verify.
    await db.notices.put({ ...doc, sig: await sign(users.tech1.keyring.userKeys.ecdsa.privateKey, utf8('x')) })
    as('agent1')
    expect(await storage.notices.mine()).toEqual([])
    expect((await storage.quarantined()).map((q) => q.docId)).toContain(id)
  })

  it('refuses to send to someone without certified keys', async () => {
    const { storage, as } = await organisation()
    as('desk1')
    await expect(storage.notices.send({ to: 'nobody', kind: 'visitor-arrived', body: visitor, at })).rejects.toBeInstanceOf(NoticeRecipientError)
  })
})
