import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import type { ServiceRequest } from '@/core/service/types'
import { instantOf } from '@/core/shared/local-date'
import { createTestStorage } from '@/storage/testing'
import { dispatchRequest, foldedRequest, serviceContext, takeRequest, type ServiceContext } from './service-actions'
import { createServiceRecords } from './service-records'
import { completionIdOf, jobIdFor, signatureIdOf } from './service-ids'
import { realmKeys } from './service-testing'
import { takeInFinishedJobs, takeInJobsOf } from './take-in'

const now = instantOf('2027-03-10', '10:00', 'Asia/Shanghai')
const minute = 60_000
const tech = { userId: 'uA', role: 'technician', status: 'active' } as const
const stroke: [number, number, number][] = [[10, 10, 0], [200, 40, 120]]
let t: ReturnType<typeof createTestStorage>
let ctx: ServiceContext

const contextOn = (storage: ReturnType<typeof createTestStorage>['storage'], userId = 'lead-1') =>
  serviceContext({ records: createServiceRecords(storage.recordContext), recordContext: storage.recordContext, audit: { append: async () => undefined }, userId })

beforeEach(async () => {
  t = createTestStorage()
  t.setKeys(await realmKeys('lead-1', ['field', 'tech:uA']))
  ctx = contextOn(t.storage)
})

const request: ServiceRequest = {
  customerId: 'person:1', address: '1 Harbour Road', phone: '13800138000', product: 'Router', model: 'AX3000', spec: '', purchasePlace: '',
  fault: 'No signal', kind: 'a', nature: 'request', complaint: false, faultReport: false, receivedAt: now, takenBy: 'agent-1',
}

/** A dispatched job the technician finished: work with a charge, a photo in two chunks, a signature. */
async function finishedJob() {
  const requestId = await takeRequest(ctx, request)
  await dispatchRequest(ctx, { requestId, technician: tech, customerName: '陈用户', at: now + minute })
  const jobId = jobIdFor(requestId, 1, 'uA')
  const a = ctx.jobs('uA')
  await a.work.put({ jobId, startedAt: now + 60 * minute, finishedAt: now + 100 * minute, workDone: 'Replaced the router', parts: [{ name: 'Router AX3000', qty: 1 }], minutes: 40, chargeFen: 12_000 as never })
  await a.photos.put({ jobId, photoId: 'photo-1', index: 1, count: 2, mime: 'image/jpeg', data: 'BBBB' })
  await a.photos.put({ jobId, photoId: 'photo-1', index: 0, count: 2, mime: 'image/jpeg', data: 'AAAA' })
  const signatureId = await a.signatures.put({ jobId, signerName: '陈用户', strokes: [stroke], width: 340, height: 150, signedAt: now + 99 * minute })
  return { requestId, jobId, signatureId }
}

describe('SVC-3 taking finished jobs in', () => {
  it('SVC-3: writes the completion, the photo chunks and the signature into the field realm, then deletes the job there; the request is done', async () => {
    const { requestId, jobId, signatureId } = await finishedJob()
    expect(await takeInJobsOf(ctx, 'uA')).toEqual({ taken: [completionIdOf(jobId)], waiting: [] })
    const folded = await foldedRequest(ctx, requestId)
    expect(folded?.state.status).toBe('done')
    expect(folded?.events.completions).toEqual([
      {
        id: completionIdOf(jobId),
        record: {
          requestId, technicianId: 'uA', startedAt: now + 60 * minute, finishedAt: now + 100 * minute, workDone: 'Replaced the router',
          parts: [{ name: 'Router AX3000', qty: 1 }], minutes: 40, chargeFen: 12_000, photoIds: ['photo-1'], signatureId: signatureIdOf(signatureId),
        },
      },
    ])
    const chunks = (await ctx.records.photos.byParent('photo-1')).map((p) => [p.record.index, p.record.data, p.record.requestId]).sort()
    expect(chunks).toEqual([[0, 'AAAA', requestId], [1, 'BBBB', requestId]])
    expect(await ctx.records.signatures.get(signatureIdOf(signatureId))).toEqual({ requestId, signerName: '陈用户', strokes: [stroke], width: 340, height: 150, signedAt: now + 99 * minute })
    const a = ctx.jobs('uA')
    expect([await a.jobs.list(), await a.work.list(), await a.photos.list(), await a.signatures.list()]).toEqual([[], [], [], []])
  })

  it('SVC-3: is idempotent: run again it finds nothing; run on a second lead device over the same records it writes the same ids and contents', async () => {
    const { jobId } = await finishedJob()
    // The second device: the same records (as sync would bring them), its own keys to the same realms.
    const copy = await t.db.records.toArray()
    const other = createTestStorage()
    other.setKeys(t.storage.recordContext.keys())
    await other.db.records.bulkPut(copy)
    const ctx2 = contextOn(other.storage, 'lead-2')

    await takeInJobsOf(ctx, 'uA')
    expect(await takeInJobsOf(ctx, 'uA')).toEqual({ taken: [], waiting: [] })
    await takeInJobsOf(ctx2, 'uA')
    const taken = async (c: ServiceContext) => ({
      completions: await c.records.completions.list(),
      photos: (await c.records.photos.list()).sort((x, y) => x.id.localeCompare(y.id)),
      signatures: await c.records.signatures.list(),
    })
    const one = await taken(ctx)
    expect(one.completions.map((c) => c.id)).toEqual([completionIdOf(jobId)])
    expect(await taken(ctx2)).toEqual(one)
  })

  it('SVC-3: waits while a photo lacks a chunk or the signature has not arrived, and takes the job in once they have', async () => {
    const requestId = await takeRequest(ctx, request)
    await dispatchRequest(ctx, { requestId, technician: tech, customerName: 'x', at: now })
    const jobId = jobIdFor(requestId, 1, 'uA')
    const a = ctx.jobs('uA')
    await a.work.put({ jobId, startedAt: now, finishedAt: now + 5 * minute, workDone: 'done', parts: [], minutes: 5 })
    await a.photos.put({ jobId, photoId: 'p', index: 0, count: 2, mime: 'image/jpeg', data: 'AA' })
    expect(await takeInJobsOf(ctx, 'uA')).toEqual({ taken: [], waiting: [{ jobId, why: 'photo-incomplete' }] })
    await a.photos.put({ jobId, photoId: 'p', index: 1, count: 2, mime: 'image/jpeg', data: 'BB' })
    expect(await takeInJobsOf(ctx, 'uA')).toEqual({ taken: [], waiting: [{ jobId, why: 'unsigned' }] })
    await a.signatures.put({ jobId, signerName: 'x', png: 'iVBOR', width: 300, height: 100, signedAt: now + 4 * minute })
    expect((await takeInJobsOf(ctx, 'uA')).taken).toEqual([completionIdOf(jobId)])
    expect((await foldedRequest(ctx, requestId))?.state.status).toBe('done')
  })

  it('SVC-3: leaves work not yet finished on the phone, and skips a technician whose realm this device cannot read', async () => {
    const requestId = await takeRequest(ctx, request)
    await dispatchRequest(ctx, { requestId, technician: tech, customerName: 'x', at: now })
    const jobId = jobIdFor(requestId, 1, 'uA')
    await ctx.jobs('uA').work.put({ jobId, startedAt: now, workDone: 'halfway', parts: [], minutes: 0 })
    expect(await takeInFinishedJobs(ctx, ['uA', 'uElsewhere'])).toEqual({ taken: [], waiting: [] })
    expect(await ctx.jobs('uA').jobs.list()).toHaveLength(1)
  })

  it('SVC-3: a job the office withdrew while the phone was offline is still taken in from its work: the job id names its request', async () => {
    const requestId = await takeRequest(ctx, request)
    await dispatchRequest(ctx, { requestId, technician: tech, customerName: 'x', at: now })
    const jobId = jobIdFor(requestId, 1, 'uA')
    const a = ctx.jobs('uA')
    await a.jobs.remove(jobId)
    await a.work.put({ jobId, startedAt: now, finishedAt: now + minute, workDone: 'done anyway', parts: [], minutes: 1 })
    await a.signatures.put({ jobId, signerName: 'x', png: 'iVBOR', width: 300, height: 100, signedAt: now + minute })
    expect((await takeInJobsOf(ctx, 'uA')).taken).toEqual([completionIdOf(jobId)])
    expect((await foldedRequest(ctx, requestId))?.events.completions[0]?.record.requestId).toBe(requestId)
  })
})
