// @vitest-environment node
// Issue 8 §5, MEM-6: a rival version of an append-only record (money taken, a visit) is tampering,
// never an edit to merge. A real CouchDB stores a rival first revision sent with new_edits:false;
// here the server admin plants one. The device keeps both versions, merges and deletes neither,
// quarantines the losing one, audits it, and managers see it on the audit page.
import { describe, expect, it } from 'vitest'
import { seal } from '../../src/crypto/envelope'
import type { LedgerEntry } from '../../src/core/membership/types'
import { keySourceFrom } from '../../src/storage/keyring-key-source'
import { rivalEventReason } from '../../src/sync/conflicts'
import type { PouchDoc } from '../../src/sync/pouch-port'
import { testDevice } from './device'
import { eachTestSyncServer } from './sync-server'
import { foundOrganisation } from './organisation'


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
    const local = (await engine.local('lobby_desk').get(id, { conflicts: true })) as PouchDoc
    expect(local._rev).toBe(rivalRev)
    expect(local._conflicts).toEqual([original._rev])
    const { body: remote } = await server.admin.request('GET', `lobby_desk/${id}?conflicts=true`)
    expect([remote._rev, ...remote._conflicts].sort()).toEqual([original._rev, rivalRev].sort())

    // The losing version is set aside, marked as a rival of an event; the audit log says so, and no merge happened.
    const quarantined = await a.storage.quarantined()
    expect(quarantined).toEqual([expect.objectContaining({ database: 'lobby_desk', docId: id, rev: original._rev, reason: expect.stringContaining(rivalEventReason) })])
    const actions = (await a.storage.audit.read(org.session.keyring.auditPrivate!)).map((r) => r.event)
    expect(actions.filter((e) => e?.action === 'conflict.tamper').map((e) => e?.recordId)).toEqual([id])
    expect(actions.some((e) => e?.action === 'conflict.merge')).toBe(false)
  })
})
