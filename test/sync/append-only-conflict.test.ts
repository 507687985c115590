// @vitest-environment node
// Issue 8 §5, MEM-6: a rival version of an append-only record (money taken, a visit) is tampering,
// never an edit to merge. A real CouchDB stores a rival first revision sent with new_edits:false;
// here the server admin plants one. The device keeps both versions, merges and deletes neither,
// quarantines the losing one, audits it, and managers see it on the audit page.
import { describe, expect, it } from 'vitest'
import { seal } from '../../src/crypto/envelope'
import { duplicateCheckIns } from '../../src/core/membership/visits'
import type { LedgerEntry } from '../../src/core/membership/types'
import { completeFirstSignIn } from '../../src/identity/first-sign-in'
import { signIn } from '../../src/identity/sign-in'
import { keySourceFrom } from '../../src/storage/keyring-key-source'
import { rivalEventReason } from '../../src/sync/conflicts'
import { testDevice } from './device'
import { eachTestSyncServer } from './sync-server'
import { cost, foundedWithDesk, foundOrganisation } from './organisation'


describe('a conflict on an append-only record is tampering (issue 8 §5, MEM-6)', () => {
  const server = eachTestSyncServer()

  it('keeps both versions, quarantines the loser, audits it, and merges nothing', async () => {
    const a = testDevice(server.dbUrl)
    const session = await foundOrganisation(a, server.admin)
    const org = { session }
    const keys = keySourceFrom(session.keyring)
    expect((await a.login(org.session.userId, org.session.serverPassword!)).ok).toBe(true)
    const port = a.storage.syncPort
    const engine = await a.engineFor(org.session, undefined, { quarantine: port.quarantine, onMerged: port.onMerged, onTampered: port.onTampered })

    const entry: LedgerEntry = { kind: 'fee', memberId: 'member:m1', at: 1, method: 'cash', receiptNo: 'R1', by: org.session.userId, tierId: 't', term: 'month', listed: 100, credit: 0, amount: 100, start: '2026-12-01', end: '2026-12-31' } as LedgerEntry
    const id = await a.storage.desk.ledger.add(entry)
    expect((await engine.runOnce()).state).toBe('idle')
    const { body: original } = await server.admin.request('GET', `lobby_desk/${id}`)

    // A rival first revision of the same entry, sealed with a key of the realm, winning CouchDB's pick.
    const write = keys.writeKey('desk')!
    const rival = await seal({ _id: id, type: 'ledger', realm: 'desk', kid: write.kid, v: 1, by: org.session.userId, bi: [] }, { fields: { ...entry, amount: 1 }, clocks: {} }, write.key)
    const rivalRev = `1-${'f'.repeat(32)}`
    await server.admin.request('POST', 'lobby_desk/_bulk_docs', { body: { docs: [{ ...rival, _rev: rivalRev, _revisions: { start: 1, ids: ['f'.repeat(32)] } }], new_edits: false } })

    for (let round = 0; round < 2; round++) expect((await engine.runOnce()).state).toBe('idle')

    // Neither merged nor deleted: the same two first revisions, on the device and on the server.
    // On the device: CouchDB's winner applied, the other version in quarantine (below).
    expect((await a.db.records.get(id))?._rev).toBe(rivalRev)
    const { body: remote } = await server.admin.request('GET', `lobby_desk/${id}?conflicts=true`)
    expect([remote._rev, ...remote._conflicts].sort()).toEqual([original._rev, rivalRev].sort())

    // The losing version is set aside, marked as a rival of an event; the audit log says so, and no merge happened.
    const quarantined = await a.storage.quarantined()
    expect(quarantined).toEqual([expect.objectContaining({ database: 'lobby_desk', docId: id, rev: original._rev, reason: expect.stringContaining(rivalEventReason) })])
    const actions = (await a.storage.audit.read(org.session.keyring.auditPrivate!)).map((r) => r.event)
    expect(actions.filter((e) => e?.action === 'conflict.tamper').map((e) => e?.recordId)).toEqual([id])
    expect(actions.some((e) => e?.action === 'conflict.merge')).toBe(false)
  })

  // Issue 9 §5, MEM-3: two offline tablets admitting one member write two check-ins under two ids.
  // Both are events of their own, not rival versions of one: both stay, both are flagged for review,
  // and nothing is merged or deleted on the way.
  it('keeps two offline check-ins of one member from two tablets, flags them, and writes no merge or tombstone (MEM-3)', async () => {
    const a = testDevice(server.dbUrl)
    const { admin, desk, engineA } = await foundedWithDesk(a, server.admin)

    const b = testDevice(server.dbUrl)
    expect((await b.login(desk.userId, desk.serverPassword)).ok).toBe(true)
    await (await b.engineFor(undefined, [])).runOnce()
    const first = await signIn(b.storage, 'li.desk', desk.setupCode)
    if (first.status !== 'setup-required') throw new Error(`expected setup, got ${first.status}`)
    const done = await completeFirstSignIn(b.storage, first.pending, { passphrase: 'green tea at the front desk', agreementAccepted: true }, cost)
    if (!done.ok) throw new Error(done.problem)
    b.setKeys(keySourceFrom(done.session.keyring))
    const engineB = await b.engineFor(done.session)
    expect((await engineB.runOnce()).state).toBe('idle')

    // Both offline, the same card at both desks a minute apart.
    a.setOnline(false)
    b.setOnline(false)
    const onA = await a.storage.desk.checkIns.add({ memberId: 'member:m1', at: Date.parse('2026-12-06T09:00:00Z'), deviceId: 'tablet-a', by: admin.userId })
    const onB = await b.storage.desk.checkIns.add({ memberId: 'member:m1', at: Date.parse('2026-12-06T09:01:00Z'), deviceId: 'tablet-b', by: desk.userId })
    expect(onA).not.toBe(onB)
    a.setOnline(true)
    b.setOnline(true)
    for (const engine of [engineA, engineB, engineA]) expect((await engine.runOnce()).state).toBe('idle')

    for (const device of [a, b]) {
      const checkIns = await device.storage.desk.checkIns.list()
      expect(checkIns.map((c) => c.id).sort()).toEqual([onA, onB].sort())
      expect(duplicateCheckIns(checkIns, [])).toEqual([{ memberId: 'member:m1', ids: [onA, onB] }])
      expect(await device.storage.quarantined()).toEqual([])
    }
    // On the server: each check-in has one first revision and no other, and nothing in lobby_desk was deleted.
    const { body: changes } = await server.admin.request('GET', 'lobby_desk/_changes?style=all_docs')
    const events = (changes.results as { id: string; deleted?: boolean; changes: { rev: string }[] }[]).filter((r) => r.id.startsWith('checkin:'))
    expect(events.map((r) => r.id).sort()).toEqual([onA, onB].sort())
    for (const r of events) expect([r.id, r.deleted, r.changes.map((c) => c.rev.split('-')[0])]).toEqual([r.id, undefined, ['1']])
    expect((changes.results as { deleted?: boolean }[]).some((r) => r.deleted)).toBe(false)
    const actions = (await a.storage.audit.read(admin.keyring.auditPrivate!)).map((r) => r.event?.action)
    expect(actions.filter((action) => action === 'conflict.merge' || action === 'conflict.tamper')).toEqual([])
  })
})
