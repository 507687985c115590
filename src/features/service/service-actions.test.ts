import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { checkRequest } from '@/core/service/request-check'
import type { ServiceRequest } from '@/core/service/types'
import { instantOf } from '@/core/shared/local-date'
import { createTestStorage } from '@/storage/testing'
import { dispatchRequest, eventsOf, foldedRequest, linkOutage, openWork, serviceContext, takeRequest, type ServiceContext } from './service-actions'
import { createServiceRecords } from './service-records'
import { jobIdFor } from './service-ids'
import { realmKeys } from './service-testing'

const zone = 'Asia/Shanghai'
const now = instantOf('2027-03-10', '10:00', zone)
const minute = 60_000
const tech = (userId: string, status: 'active' | 'deactivated' = 'active') => ({ userId, role: 'technician', status }) as const
let t: ReturnType<typeof createTestStorage>
let ctx: ServiceContext
const audited: string[] = []

beforeEach(async () => {
  t = createTestStorage()
  t.setKeys(await realmKeys('lead-1', ['field', 'directory', 'tech:uA', 'tech:uB']))
  audited.length = 0
  ctx = serviceContext({
    records: createServiceRecords(t.storage.recordContext),
    recordContext: t.storage.recordContext,
    audit: { append: async (e) => void audited.push(`${e.action} ${e.detail ?? ''}`.trim()) },
    userId: 'lead-1',
  })
})

const request = (extra: Partial<ServiceRequest> = {}): ServiceRequest => ({
  customerId: 'person:1', address: '1 Harbour Road', phone: '13800138000', product: 'Router', model: 'AX3000', spec: '', purchasePlace: '',
  fault: 'No signal since the storm', kind: 'c', nature: 'request', complaint: true, faultReport: false, receivedAt: now, takenBy: 'agent-1', ...extra,
})

describe('SVC-1 taking a request', () => {
  it('SVC-1: writes the checked request and its open-work marker together; the queue reads it from the marker', async () => {
    const checked = checkRequest({ ...request(), purchaseDate: '', kind: 'c', nature: 'request' }, { now, zone, takenBy: 'agent-1', inArrears: false })
    if (!checked.ok) throw new Error('the request should pass')
    const id = await takeRequest(ctx, checked.value)
    expect(id).toMatch(/^svc-request:/)
    expect(await ctx.records.open.list()).toEqual([{ id: `svc-open:${id.slice('svc-request:'.length)}`, record: { requestId: id } }])
    const [open] = await openWork(ctx)
    expect(open?.request).toEqual(checked.value)
    expect(open?.state.status).toBe('waiting')
    expect(audited).toEqual(['service.request-take request c complaint'])
  })

  it('SVC-1: a request and its marker land in one transaction: a refused write leaves neither', async () => {
    await expect(takeRequest(ctx, { ...request(), kind: 'e' } as unknown as ServiceRequest)).rejects.toThrow()
    expect(await t.db.records.count()).toBe(0)
  })

  it('issue 15 §6: links a fault report to an outage on the request itself', async () => {
    const id = await takeRequest(ctx, request({ faultReport: true, accountId: 'bb-agreement:1' }))
    await linkOutage(ctx, id, 'bb-outage:9')
    expect((await foldedRequest(ctx, id))?.request.outageId).toBe('bb-outage:9')
  })
})

describe('SVC-2 dispatch', () => {
  it('SVC-2: writes the svc-dispatch event and the job in the technician\'s realm, with what the work needs', async () => {
    const id = await takeRequest(ctx, request())
    const result = await dispatchRequest(ctx, { requestId: id, technician: tech('uA'), customerName: '陈用户', at: now + 30 * minute })
    expect(result).toMatchObject({ ok: true, jobId: jobIdFor(id, 1, 'uA') })
    const events = await eventsOf(ctx, id)
    expect(events.dispatches.map((d) => d.record)).toEqual([{ requestId: id, technicianId: 'uA', at: now + 30 * minute, by: 'lead-1' }])
    const jobs = await ctx.jobs('uA').jobs.list()
    expect(jobs).toEqual([
      {
        id: jobIdFor(id, 1, 'uA'),
        record: { requestId: id, customerName: '陈用户', phone: '13800138000', address: '1 Harbour Road', product: 'Router', model: 'AX3000', spec: '', fault: 'No signal since the storm', kind: 'c', complaint: true, dispatchedAt: now + 30 * minute },
      },
    ])
    expect((await t.db.records.get(jobIdFor(id, 1, 'uA')))?.realm).toBe('tech:uA')
    expect((await foldedRequest(ctx, id))?.state).toMatchObject({ status: 'dispatched', technicianId: 'uA', firstDispatchAt: now + 30 * minute })
    expect(audited).toContain('service.dispatch first')
  })

  it('SVC-2: a reassignment deletes the job, its work, photos and signature from the previous technician\'s realm', async () => {
    const id = await takeRequest(ctx, request())
    await dispatchRequest(ctx, { requestId: id, technician: tech('uA'), customerName: '陈用户', at: now + minute })
    const jobA = jobIdFor(id, 1, 'uA')
    const a = ctx.jobs('uA')
    await a.work.put({ jobId: jobA, startedAt: now + 40 * minute, workDone: 'checked the line', parts: [], minutes: 0 })
    await a.photos.put({ jobId: jobA, photoId: 'p1', index: 0, count: 1, mime: 'image/jpeg', data: 'AAAA' })
    const result = await dispatchRequest(ctx, { requestId: id, technician: tech('uB'), customerName: '陈用户', at: now + 50 * minute })
    expect(result).toMatchObject({ ok: true, withdrawnFrom: 'uA', jobId: jobIdFor(id, 1, 'uB') })
    expect([await a.jobs.list(), await a.work.list(), await a.photos.list()]).toEqual([[], [], []])
    expect((await ctx.jobs('uB').jobs.list()).map((j) => j.id)).toEqual([jobIdFor(id, 1, 'uB')])
    expect((await foldedRequest(ctx, id))?.state).toMatchObject({ status: 'dispatched', technicianId: 'uB', firstDispatchAt: now + minute })
    expect(audited.filter((a) => a.startsWith('service.'))).toEqual(['service.request-take request c complaint', 'service.dispatch first', 'service.dispatch reassign', 'service.job-withdraw'])
  })

  it('SVC-2: dispatched back to the first technician, the job is made again in their realm under its id', async () => {
    const id = await takeRequest(ctx, request())
    await dispatchRequest(ctx, { requestId: id, technician: tech('uA'), customerName: '陈用户', at: now + minute })
    await t.db.records.update(jobIdFor(id, 1, 'uA'), { _rev: '1-a', _local: 0 } as never) // as if pushed
    await dispatchRequest(ctx, { requestId: id, technician: tech('uB'), customerName: '陈用户', at: now + 2 * minute })
    await dispatchRequest(ctx, { requestId: id, technician: tech('uA'), customerName: '陈用户', at: now + 3 * minute })
    expect((await ctx.jobs('uA').jobs.list()).map((j) => j.record.dispatchedAt)).toEqual([now + 3 * minute])
    expect(await ctx.jobs('uB').jobs.list()).toEqual([])
  })

  it('SVC-2: refuses a departed technician, the one who has it already, and a technician whose realm this device cannot write yet', async () => {
    const id = await takeRequest(ctx, request())
    expect(await dispatchRequest(ctx, { requestId: id, technician: tech('uA', 'deactivated'), customerName: 'x', at: now })).toEqual({ ok: false, problems: ['technician-departed'] })
    expect(await dispatchRequest(ctx, { requestId: id, technician: tech('uNew'), customerName: 'x', at: now })).toEqual({ ok: false, problems: ['technician-realm-missing'] })
    expect(await dispatchRequest(ctx, { requestId: id, technician: { userId: 'agent-1', role: 'agent', status: 'active' }, customerName: 'x', at: now })).toEqual({ ok: false, problems: ['not-a-technician'] })
    await dispatchRequest(ctx, { requestId: id, technician: tech('uA'), customerName: 'x', at: now })
    expect(await dispatchRequest(ctx, { requestId: id, technician: tech('uA'), customerName: 'x', at: now + minute })).toEqual({ ok: false, problems: ['same-technician'] })
    expect(await dispatchRequest(ctx, { requestId: 'svc-request:none', technician: tech('uA'), customerName: 'x', at: now })).toEqual({ ok: false, problems: ['request-missing'] })
    // Nothing was written for a refusal: one dispatch, one job.
    expect((await eventsOf(ctx, id)).dispatches).toHaveLength(1)
  })

  it('BB-3: a request a front desk took for a subscriber in arrears is not sent out; a fault report is, and one already out can be reassigned', async () => {
    const inArrears = async () => true
    const id = await takeRequest(ctx, request())
    expect(await dispatchRequest(ctx, { requestId: id, technician: tech('uA'), customerName: 'x', at: now, inArrears })).toEqual({ ok: false, problems: ['arrears'] })
    expect((await eventsOf(ctx, id)).dispatches).toEqual([])
    const report = await takeRequest(ctx, request({ faultReport: true, accountId: 'KD-0001' }))
    expect((await dispatchRequest(ctx, { requestId: report, technician: tech('uA'), customerName: 'x', at: now, inArrears })).ok).toBe(true)
    await dispatchRequest(ctx, { requestId: id, technician: tech('uA'), customerName: 'x', at: now })
    expect((await dispatchRequest(ctx, { requestId: id, technician: tech('uB'), customerName: 'x', at: now + minute, inArrears })).ok).toBe(true)
  })

  it('SVC-2: a job its technician finished is taken in, not reassigned', async () => {
    const id = await takeRequest(ctx, request())
    await dispatchRequest(ctx, { requestId: id, technician: tech('uA'), customerName: 'x', at: now })
    await ctx.jobs('uA').work.put({ jobId: jobIdFor(id, 1, 'uA'), startedAt: now + minute, finishedAt: now + 9 * minute, workDone: 'done', parts: [], minutes: 8 })
    expect(await dispatchRequest(ctx, { requestId: id, technician: tech('uB'), customerName: 'x', at: now + 10 * minute })).toEqual({ ok: false, problems: ['job-finished'] })
  })
})
