import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { fromBase64Url } from '@/crypto/bytes'
import { createTestStorage } from '@/storage/testing'
import { pngSource, requestPage } from './request-page'
import { dispatchRequest, foldedRequest, serviceContext, takeRequest } from './service-actions'
import { createServiceRecords } from './service-records'
import { jobIdFor } from './service-ids'
import { realmKeys } from './service-testing'
import { takeInJobsOf } from './take-in'

const now = Date.parse('2027-03-10T02:00:00Z')

describe('the request page (SVC-3 work taken in)', () => {
  it('SVC-3: puts each photo back together from its chunks, names the people, masks the customer, gives the signature as an image', async () => {
    const t = createTestStorage()
    t.setKeys(await realmKeys('lead-1', ['field', 'tech:uA']))
    const ctx = serviceContext({ records: createServiceRecords(t.storage.recordContext), recordContext: t.storage.recordContext, audit: { append: async () => undefined }, userId: 'lead-1' })
    const requestId = await takeRequest(ctx, {
      customerId: 'person:1', address: '港湾路 3 号地下室', phone: '13811112222', product: '', model: '', spec: '', purchasePlace: '', fault: 'f', kind: 'a', nature: 'request', complaint: false, faultReport: false, receivedAt: now, takenBy: 'agent-1',
    })
    await dispatchRequest(ctx, { requestId, technician: { userId: 'uA', role: 'technician', status: 'active' }, customerName: '陈用户', at: now })
    const jobId = jobIdFor(requestId, 1, 'uA')
    const a = ctx.jobs('uA')
    await a.work.put({ jobId, startedAt: now, finishedAt: now + 60_000, workDone: 'done', parts: [], minutes: 1 })
    await a.photos.put({ jobId, photoId: 'p', index: 1, count: 2, mime: 'image/jpeg', data: 'BBBB' })
    await a.photos.put({ jobId, photoId: 'p', index: 0, count: 2, mime: 'image/jpeg', data: '_9j_' })
    await a.signatures.put({ jobId, signerName: '陈用户', png: 'iVBORw0KGgo', width: 300, height: 100, signedAt: now + 60_000 })
    await takeInJobsOf(ctx, 'uA')

    const page = await requestPage(ctx, (await foldedRequest(ctx, requestId))!, {
      person: { name: '陈用户', createdAt: '' },
      namesOf: async (ids) => Object.fromEntries(ids.map((id) => [id, `name of ${id}`])),
    })
    expect(page.customer).toEqual({ name: '陈**', phone: '138****2222', address: expect.not.stringContaining('地下室') })
    expect(page.names).toEqual({ 'agent-1': 'name of agent-1', 'lead-1': 'name of lead-1', uA: 'name of uA' })
    expect(page.history.map((h) => [h.kind, h.by, h.detail, h.applied])).toEqual([['dispatch', 'lead-1', 'uA', true], ['completion', 'uA', undefined, true]])
    const [done] = page.completions
    expect(done?.photos).toEqual([{ photoId: 'p', ok: true, mime: 'image/jpeg', bytes: new Uint8Array([...fromBase64Url('_9j_'), ...fromBase64Url('BBBB')]) }])
    expect(done?.signature?.src).toBe(pngSource('iVBORw0KGgo'))
    expect(pngSource('iVBORw0KGgo')).toBe('data:image/png;base64,iVBORw0KGgo=')
  })
})
