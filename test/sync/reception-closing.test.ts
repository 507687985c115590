// @vitest-environment node
// REC-6: two offline tablets both open the reception desk the morning after a visitor was left checked in.
// Each closes the forgotten visit; each check-out is an event of its own (a random id), so replication
// brings two first revisions of two documents, not rival versions of one (which the resolver would take
// for tampering: append-only-conflict.test.ts). Both are kept, nothing is quarantined or merged, the visit
// is out on both tablets and the desk sees it closed once.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { defaultCategoryIds, defaultPlaceIds } from '../../src/core/reception/defaults'
import { org } from '../../src/core/reception/test-fixtures'
import { closeForgottenVisits } from '../../src/core/reception/closing'
import { visitCheckOutSchema } from '../../src/core/reception/schemas'
import type { Visit, VisitCheckOut } from '../../src/core/reception/types'
import { instantOf } from '../../src/core/shared/local-date'
import { completeFirstSignIn } from '../../src/identity/first-sign-in'
import { signIn } from '../../src/identity/sign-in'
import { defaultReceptionSettings } from '../../src/core/reception/defaults'
import { closedLastNight, closeForgotten } from '../../src/features/reception/closing-actions'
import { inBuildingOn, type ReceptionContext } from '../../src/features/reception/reception-actions'
import { createReceptionRecords } from '../../src/features/reception/reception-records'
import { keySourceFrom } from '../../src/storage/keyring-key-source'
import { createSealedRepo } from '../../src/storage/sealed-repo'
import { rivalEventReason } from '../../src/sync/conflicts'
import { testDevice } from './device'
import { addStaff, cost, foundOrganisation } from './organisation'
import { eachTestSyncServer } from './sync-server'

const wednesday = '2027-09-29'
const thursdayMorning = instantOf('2027-09-30', '08:30', org.timeZone)

describe('REC-6: two offline tablets closing the same forgotten visit', () => {
  const server = eachTestSyncServer()

  // As the app wires them: rival versions quarantined, merges and tampering audited.
  const ports = (device: ReturnType<typeof testDevice>) => ({ quarantine: device.storage.syncPort.quarantine, onMerged: device.storage.syncPort.onMerged, onTampered: device.storage.syncPort.onTampered })

  /** Tablet A (a manager) and tablet B (the front desk), both synced, with a visit of Wednesday left open. */
  async function twoTablets() {
    const a = testDevice(server.dbUrl)
    const admin = await foundOrganisation(a, server.admin)
    const desk = await addStaff(a, server.admin, admin, { name: '李前台', username: 'li.desk', role: 'frontdesk' })
    expect((await a.login(admin.userId, admin.serverPassword!)).ok).toBe(true)
    const engineA = await a.engineFor(admin, undefined, ports(a))

    const recordsA = createReceptionRecords(a.storage.recordContext)
    const visit: Visit = {
      personId: 'person:p1',
      name: '张伟明',
      organisation: '华东水务',
      category: defaultCategoryIds.supplier,
      purpose: '送桶装水',
      hostId: admin.userId,
      reception: { level: 'normal', place: defaultPlaceIds.receptionArea, hospitality: 'water', receivedBy: 'host-or-colleague' },
      badge: { issued: true, serial: 'B-1', expiresAt: instantOf(wednesday, '18:00', org.timeZone) },
      at: instantOf(wednesday, '10:00', org.timeZone),
      day: wednesday,
      deviceId: 'tablet-a',
      by: admin.userId,
    }
    const visitId = await recordsA.visits.add(visit)
    expect((await engineA.runOnce()).state).toBe('idle')

    const b = testDevice(server.dbUrl)
    expect((await b.login(desk.userId, desk.serverPassword)).ok).toBe(true)
    await (await b.engineFor(undefined, [])).runOnce()
    const first = await signIn(b.storage, 'li.desk', desk.setupCode)
    if (first.status !== 'setup-required') throw new Error(`expected setup, got ${first.status}`)
    const done = await completeFirstSignIn(b.storage, first.pending, { passphrase: 'green tea at the front desk', agreementAccepted: true }, cost)
    if (!done.ok) throw new Error(done.problem)
    b.setKeys(keySourceFrom(done.session.keyring))
    const engineB = await b.engineFor(done.session, undefined, ports(b))
    expect((await engineB.runOnce()).state).toBe('idle')
    const recordsB = createReceptionRecords(b.storage.recordContext)

    const contextOf = (device: typeof a, records: typeof recordsA, userId: string, deviceId: string): ReceptionContext => ({
      records,
      people: device.storage.people,
      audit: { append: async () => undefined },
      settings: defaultReceptionSettings(),
      org,
      hosts: [],
      now: thursdayMorning,
      userId,
      deviceId,
    })
    const onA = contextOf(a, recordsA, admin.userId, 'tablet-a')
    const onB = contextOf(b, recordsB, desk.userId, 'tablet-b')

    return { a, b, admin, engineA, engineB, visitId, visit, onA, onB }
  }

  it('REC-6: both check-outs are kept as events of their own: no rival version, no quarantine, no merge; the visit is out and shown closed once', async () => {
    const { a, b, admin, engineA, engineB, visitId, onA, onB } = await twoTablets()
    // Both offline the next morning: each closes the visit it still sees open.
    a.setOnline(false)
    b.setOnline(false)
    expect(await closeForgotten(onA)).toEqual([visitId])
    expect(await closeForgotten(onB)).toEqual([visitId])
    a.setOnline(true)
    b.setOnline(true)
    for (const engine of [engineA, engineB, engineA]) expect((await engine.runOnce()).state).toBe('idle')

    for (const [device, ctx] of [[a, onA], [b, onB]] as const) {
      const checkOuts = await ctx.records.checkOuts.byParent(visitId)
      expect(checkOuts.map((c) => [c.record.how, c.record.deviceId]).sort()).toEqual([['closing', 'tablet-a'], ['closing', 'tablet-b']])
      expect(await device.storage.quarantined()).toEqual([])
      expect(await inBuildingOn(ctx, wednesday)).toEqual([])
      expect((await closedLastNight(ctx)).map((c) => c.visit.id)).toEqual([visitId])
      // Nothing closed twice more on the next page open, now that both check-outs are here.
      expect(await closeForgotten(ctx)).toEqual([])
    }
    // On the server: two check-out documents, each one first revision, nothing deleted, no tampering found.
    const { body: changes } = await server.admin.request('GET', 'lobby_desk/_changes?style=all_docs')
    const outs = (changes.results as { id: string; deleted?: boolean; changes: { rev: string }[] }[]).filter((r) => r.id.startsWith('visit-checkout:'))
    expect(outs).toHaveLength(2)
    for (const r of outs) expect([r.deleted, r.changes.map((c) => c.rev.split('-')[0])]).toEqual([undefined, ['1']])
    const actions = (await a.storage.audit.read(admin.keyring.auditPrivate!)).map((r) => r.event?.action)
    expect(actions.filter((action) => action === 'conflict.merge' || action === 'conflict.tamper')).toEqual([])
  })

  // Why not one id for both (`visit-checkout:closing-<visitId>`): each tablet seals its own copy (its own
  // nonce, device and author), so the two creates are two different first revisions of one document. The
  // server refuses the second as a change of an event, and its tablet, pulling the first, finds a rival
  // version of an event: tampering, to the resolver (src/sync/conflicts.ts). A false alarm either way.
  it('REC-6: the same check-out id written on two tablets: the server refuses the second, whose tablet then finds a rival version of an event (tampering) and quarantines one', async () => {
    const { a, b, admin, engineA, engineB, visitId, onA, onB } = await twoTablets()
    const kind = { realm: 'desk', version: 1, type: 'visit-checkout', schema: visitCheckOutSchema, indexes: (c: VisitCheckOut) => ({ parent: c.visitId, day: c.day }) }
    const id = `visit-checkout:closing-${visitId}`
    a.setOnline(false)
    b.setOnline(false)
    for (const [device, ctx] of [[a, onA], [b, onB]] as const) {
      const [out] = closeForgottenVisits([{ id: visitId, record: (await ctx.records.visits.get(visitId))! }], [], ctx.now, org, ctx.userId, ctx.deviceId)
      await createSealedRepo<VisitCheckOut>(device.storage.recordContext, kind).put(out!, id)
    }
    a.setOnline(true)
    b.setOnline(true)
    const runs = []
    for (const engine of [engineA, engineB, engineA, engineB]) runs.push(await engine.runOnce())
    // The server takes A's and refuses B's: to it a second first revision is a change of an event.
    expect(runs.map((r) => r.state)).toEqual(['idle', 'error', 'idle', 'idle'])
    expect(runs[1]).toMatchObject({ error: 'forbidden', detail: expect.stringContaining('are events: they cannot be changed') })
    const { body: remote } = await server.admin.request('GET', `lobby_desk/${encodeURIComponent(id)}?conflicts=true`)
    expect(remote._conflicts).toBeUndefined()
    // B then pulls A's version beside its own: a rival version of an event, quarantined and audited as tampering.
    expect((await b.db.records.get(id))?._rev).toBe(remote._rev)
    expect(await b.storage.quarantined()).toEqual([expect.objectContaining({ docId: id, reason: expect.stringContaining(rivalEventReason) })])
    const actions = (await b.storage.audit.read(admin.keyring.auditPrivate!)).map((r) => r.event)
    expect(actions.filter((e) => e?.action === 'conflict.tamper').map((e) => e?.recordId)).toEqual([id])
  })
})
