import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import type { ServiceRequest } from '@/core/service/types'
import { instantOf } from '@/core/shared/local-date'
import { createTestStorage } from '@/storage/testing'
import { readBoard, utcDaysOf } from './board-actions'
import { dispatchRequest, serviceContext, takeRequest, type ServiceContext } from './service-actions'
import { createServiceRecords } from './service-records'
import { jobIdFor } from './service-ids'
import { realmKeys } from './service-testing'
import { takeInJobsOf } from './take-in'

const zone = 'Asia/Shanghai'
const at = (time: string, day = '2027-03-10') => instantOf(day, time, zone)
const technicians = [
  { userId: 'uA', role: 'technician', status: 'active' },
  { userId: 'uB', role: 'technician', status: 'active' },
] as const
let ctx: ServiceContext

beforeEach(async () => {
  const t = createTestStorage()
  t.setKeys(await realmKeys('lead-1', ['field', 'tech:uA', 'tech:uB']))
  ctx = serviceContext({ records: createServiceRecords(t.storage.recordContext), recordContext: t.storage.recordContext, audit: { append: async () => undefined }, userId: 'lead-1' })
})

const request = (receivedAt: number): ServiceRequest => ({
  customerId: 'person:1', address: 'a', phone: '13800138000', product: '', model: '', spec: '', purchasePlace: '', fault: 'f', kind: 'c', nature: 'request', complaint: false, faultReport: false, receivedAt, takenBy: 'agent-1',
})

describe('SVC-2 the day board read', () => {
  it('reads the UTC days a local day touches: Shanghai\'s 10 March is 9 March 16:00 to 10 March 16:00 UTC', () => {
    expect(utcDaysOf(at('00:00'), at('00:00', '2027-03-11'))).toEqual(['2027-03-09', '2027-03-10'])
  })

  it('SVC-2: a job started on the phone, one only dispatched, one finished and taken in today (00:30 in Shanghai: the day before in UTC), none of yesterday\'s', async () => {
    const started = await takeRequest(ctx, request(at('08:00')))
    const waiting = await takeRequest(ctx, request(at('08:30')))
    const finished = await takeRequest(ctx, request(at('07:00')))
    const yesterday = await takeRequest(ctx, request(at('07:00', '2027-03-09')))
    for (const [id, tech, when] of [[started, 'uA', at('08:10')], [waiting, 'uA', at('08:40')], [finished, 'uB', at('07:10')], [yesterday, 'uB', at('07:10', '2027-03-09')]] as const) {
      await dispatchRequest(ctx, { requestId: id, technician: technicians.find((t) => t.userId === tech)!, customerName: 'x', at: when })
    }
    await ctx.jobs('uA').work.put({ jobId: jobIdFor(started, 1, 'uA'), startedAt: at('09:00'), workDone: '', parts: [], minutes: 0 })
    for (const [id, day] of [[finished, '2027-03-10'], [yesterday, '2027-03-09']] as const) {
      const jobId = jobIdFor(id, 1, 'uB')
      await ctx.jobs('uB').work.put({ jobId, startedAt: at('00:05', day), finishedAt: at('00:30', day), workDone: 'done', parts: [], minutes: 30 })
      await ctx.jobs('uB').signatures.put({ jobId, signerName: 'x', png: 'iVBOR', width: 300, height: 100, signedAt: at('00:30', day) })
    }
    await takeInJobsOf(ctx, 'uB')
    const { board } = await readBoard(ctx, { day: '2027-03-10', zone, technicians, heldTechnicianIds: ['uA', 'uB'] })
    expect(board.map((c) => [c.technicianId, c.jobs.map((j) => [j.requestId, j.state])])).toEqual([
      ['uA', [[started, 'started'], [waiting, 'dispatched']]],
      ['uB', [[finished, 'finished']]],
    ])
  })
})
