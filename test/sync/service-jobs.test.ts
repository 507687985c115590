// @vitest-environment node
// Issue 15 (SVC-2, SVC-3): a job's round trip through the embedded server. A lead's tablet dispatches a request (the
// job goes into the technician's own database); the technician's phone pulls it, records the work, a photo and the
// customer's signature, and pushes them; the lead's tablet takes the finished job in (into the field realm, one
// write) and deletes it from the technician's realm; the phone's next pull removes the job and the customer's details.
import { describe, expect, it } from 'vitest'
import type { Envelope } from '../../src/crypto/envelope'
import { acceptGrants } from '../../src/identity/key-grants'
import type { Session } from '../../src/identity/session'
import { dispatchRequest, foldedRequest, serviceContext, takeRequest } from '../../src/features/service/service-actions'
import { completionIdOf, jobIdFor } from '../../src/features/service/service-ids'
import { createJobRecords, createServiceRecords } from '../../src/features/service/service-records'
import { takeInJobsOf } from '../../src/features/service/take-in'
import { databaseNameFor } from '../../src/sync/remote-names'
import { askForTechRealm, techRealmOutcome } from '../../src/sync/tech-realms'
import { testDevice } from './device'
import { addStaff, firstSignIn, foundOrganisation } from './organisation'
import { eachTestSyncServer } from './sync-server'

type Device = ReturnType<typeof testDevice>
const now = Date.parse('2027-03-10T10:00:00+08:00')
const minute = 60_000

describe('a dispatched job through the sync server (issue 15, SVC-2, SVC-3)', () => {
  const server = eachTestSyncServer()

  const engineWithGrants = (device: Device, session: Session) =>
    device.engineFor(session, undefined, { afterChannel: async (ch) => void (ch.tables.includes('keyrings') && (await acceptGrants(device.storage, session))) })
  const round = async (device: Device, session: Session) => expect((await (await engineWithGrants(device, session)).runOnce()).state).toBe('idle')
  const office = (device: Device, userId: string) =>
    serviceContext({ records: createServiceRecords(device.storage.recordContext), recordContext: device.storage.recordContext, audit: device.storage.audit, userId })

  it('SVC-3: dispatch → the phone pulls the job → work, photo and signature pushed → the lead takes it in → the phone\'s next pull removes the job', async () => {
    // The admin creates a lead and a technician, and asks for the technician's database.
    const a = testDevice(server.dbUrl)
    const admin = await foundOrganisation(a, server.admin)
    const leadAccount = await addStaff(a, server.admin, admin, { name: '刘组长', username: 'liu.lead', role: 'lead' })
    const techAccount = await addStaff(a, server.admin, admin, { name: '张师傅', username: 'zhang.tech', role: 'technician' })
    expect((await a.login(admin.userId, admin.serverPassword!)).ok).toBe(true)
    await askForTechRealm(server.dbUrl, { userId: techAccount.userId, by: admin.userId, at: Date.now() }, a.fetch)
    expect(await techRealmOutcome(server.dbUrl, techAccount.userId, { fetchFn: a.fetch, timeoutMs: 5000, pauseMs: 50 })).toEqual({ state: 'ready' })
    await round(a, admin)
    const technician = { userId: techAccount.userId, role: 'technician', status: 'active' } as const

    // The lead's tablet takes the grant in, takes a request and dispatches it.
    const tablet = testDevice(server.dbUrl)
    const lead = await firstSignIn(tablet, leadAccount, 'liu.lead')
    await round(tablet, lead)
    const desk = office(tablet, lead.userId)
    const requestId = await takeRequest(desk, {
      customerId: 'person:chen', address: '3 Harbour Road, basement', phone: '13811112222', product: 'Router', model: 'AX3000', spec: '', purchasePlace: '',
      fault: 'No signal in the basement', kind: 'a', nature: 'request', complaint: true, faultReport: false, receivedAt: now, takenBy: lead.userId,
    })
    expect(await dispatchRequest(desk, { requestId, technician, customerName: '陈用户', at: now + 20 * minute })).toMatchObject({ ok: true })
    await round(tablet, lead)
    const jobId = jobIdFor(requestId, 1, techAccount.userId)
    const database = databaseNameFor(`tech:${techAccount.userId}`)
    expect(((await server.admin.request('GET', `${database}/${encodeURIComponent(jobId)}`)).body as Envelope).realm).toBe(`tech:${techAccount.userId}`)

    // The phone pulls its job, does the work offline-first (saved on the phone) and pushes it.
    const phone = testDevice(server.dbUrl)
    const tech = await firstSignIn(phone, techAccount, 'zhang.tech')
    await round(phone, tech)
    const mine = createJobRecords(phone.storage.recordContext, tech.userId)
    expect((await mine.jobs.list()).map((j) => [j.id, j.record.customerName, j.record.address])).toEqual([[jobId, '陈用户', '3 Harbour Road, basement']])
    await mine.work.put({ jobId, startedAt: now + 60 * minute, finishedAt: now + 100 * minute, workDone: 'Replaced the router', parts: [{ name: 'Router AX3000', qty: 1 }], minutes: 40, chargeFen: 12_000 as never }, `job-work:${jobId.slice(4)}`)
    await mine.photos.put({ jobId, photoId: 'photo-1', index: 0, count: 2, mime: 'image/jpeg', data: '_9j_4AAQ' })
    await mine.photos.put({ jobId, photoId: 'photo-1', index: 1, count: 2, mime: 'image/jpeg', data: 'SkZJRg' })
    await mine.signatures.put({ jobId, signerName: '陈用户', strokes: [[[10, 10, 0], [200, 60, 140]]], width: 340, height: 150, signedAt: now + 99 * minute })
    await round(phone, tech)

    // The lead's tablet pulls, takes it in and pushes: the request is done; the completion is on the server.
    await round(tablet, lead)
    expect((await takeInJobsOf(desk, techAccount.userId)).taken).toEqual([completionIdOf(jobId)])
    const done = await foldedRequest(desk, requestId)
    expect(done?.state.status).toBe('done')
    expect(done?.events.completions[0]?.record).toMatchObject({ workDone: 'Replaced the router', photoIds: ['photo-1'], chargeFen: 12_000 })
    await round(tablet, lead)
    expect(((await server.admin.request('GET', `lobby_field/${encodeURIComponent(completionIdOf(jobId))}`)).body as Envelope).type).toBe('svc-completion')
    await expect(server.admin.request('GET', `${database}/${encodeURIComponent(jobId)}`)).rejects.toThrow(/404 not_found/)

    // The phone's next pull removes the job, its work, photos and signature: no customer detail is left to read.
    await round(phone, tech)
    expect([await mine.jobs.list(), await mine.work.list(), await mine.photos.list(), await mine.signatures.list()]).toEqual([[], [], [], []])
    const left = (await phone.db.records.toArray()).filter((r) => r.realm === `tech:${tech.userId}`)
    expect(left.every((r) => r._deleted && r.ct === '')).toBe(true)
    expect(await phone.db.quarantine.count()).toBe(0)
    expect(await tablet.db.quarantine.count()).toBe(0)
  })
})
