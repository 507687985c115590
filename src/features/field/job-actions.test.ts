import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Job } from '@/core/service/types'
import { LobbyDb } from '@/storage/db'
import type { KeySource } from '@/storage/key-source'
import { createLobbyStorage } from '@/storage/lobby-storage'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { createFieldRecords, workIdOf } from './field-records'
import { listJobs, openJob, type FieldContext } from './job-reads'
import { addPhoto, finishJob, removePhoto, saveWork, signJob, startJob } from './job-writes'
import type { Signature } from './signature-strokes'

const tech = 'tech-1'
const minute = 60_000
const at = Date.parse('2026-03-09T09:00:00+08:00')
let t: ReturnType<typeof createTestStorage>
let keys: KeySource
let ctx: FieldContext
const audited: string[] = []

const contextOn = (storage: ReturnType<typeof createLobbyStorage>): FieldContext => ({
  records: createFieldRecords(storage.recordContext, tech),
  audit: { append: async (e) => void audited.push(`${e.action} ${e.recordId ?? ''} ${e.detail ?? ''}`.trim()) },
  userId: tech,
})

beforeEach(async () => {
  t = createTestStorage()
  keys = await oneRealmKeys(`tech:${tech}:1`, tech)
  t.setKeys(keys)
  ctx = contextOn(t.storage)
  audited.length = 0
})

const job = (extra: Partial<Job> = {}): Job => ({
  requestId: 'svc-request:1', customerName: '王芳', phone: '13800138000', address: '3-201 Garden Road', product: 'Fridge', model: 'BCD-215',
  spec: '215 L', fault: 'Not cooling', kind: 'b', complaint: false, dispatchedAt: at - 60 * minute, ...extra,
})
/** What a lead's device writes at dispatch (the office's side; here straight into the realm). */
const dispatched = (id: string, extra: Partial<Job> = {}) => ctx.records.jobs.put(job(extra), id)
const scrawl: Signature = { strokes: [Array.from({ length: 12 }, (_, i) => [20 + 20 * i, i % 2 ? 60 : 90, 16 * i] as [number, number, number])], width: 340, height: 150, png: 'iVBORw0KGgo' }
const bytesOf = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) % 256)
/** A sync round that sent everything: the server's revision stamped, the `_local` marks gone. */
const pushed = () => t.db.records.where('_local').equals(1).modify((row) => {
  delete row._local
  row._rev = '1-pushed'
})

describe('SVC-3 the technician\'s jobs on their phone', () => {
  it('SVC-3: today\'s jobs are the realm\'s jobs: work in hand first, then complaints, then by dispatch', async () => {
    await dispatched('job:a', { dispatchedAt: at - 30 * minute })
    await dispatched('job:b', { complaint: true, dispatchedAt: at - 10 * minute })
    await dispatched('job:c', { dispatchedAt: at - 50 * minute })
    await startJob(ctx, 'job:a', at)
    const rows = await listJobs(ctx)
    expect(rows.map((r) => [r.id, r.stage])).toEqual([['job:a', 'started'], ['job:b', 'new'], ['job:c', 'new']])
    expect(rows[0]).toMatchObject({ startedAt: at, waiting: true })
  })

  it('SVC-3: the work is saved as typed; a second start keeps the first', async () => {
    await dispatched('job:1')
    expect(await startJob(ctx, 'job:1', at)).toEqual({ ok: true, startedAt: at })
    expect(await startJob(ctx, 'job:1', at + minute)).toEqual({ ok: true, startedAt: at })
    expect(await saveWork(ctx, 'job:1', { workDone: 'Replaced the relay', parts: [{ name: 'Relay', qty: 1 }], chargeFen: 8_000 })).toEqual({ ok: true })
    expect(await saveWork(ctx, 'job:1', { minutes: 40 })).toEqual({ ok: true })
    expect((await openJob(ctx, 'job:1'))?.work).toEqual({ jobId: 'job:1', startedAt: at, workDone: 'Replaced the relay', parts: [{ name: 'Relay', qty: 1 }], minutes: 40, chargeFen: 8_000 })
    expect(await saveWork(ctx, 'job:1', { chargeFen: null })).toEqual({ ok: true })
    expect((await openJob(ctx, 'job:1'))?.work.chargeFen).toBeUndefined()
    expect(audited).toEqual([`field.job-start ${workIdOf('job:1')}`])
  })

  it('SVC-3: a photo is stored as 64 KiB chunk records and read back byte for byte; one taken by mistake comes off', async () => {
    await dispatched('job:1')
    const bytes = bytesOf(200_000)
    const added = await addPhoto(ctx, 'job:1', bytes, 'image/jpeg')
    if (!added.ok) throw new Error(added.problem)
    const chunks = await ctx.records.photos.byParent('job:1')
    expect(chunks.map((c) => [c.record.index, c.record.count, c.record.data.length <= Math.ceil((65_536 * 4) / 3)])).toEqual(expect.arrayContaining([[0, 4, true], [3, 4, true]]))
    expect(chunks).toHaveLength(4)
    const [photo] = (await openJob(ctx, 'job:1'))!.photos
    expect(photo && 'bytes' in photo && Buffer.from(photo.bytes).equals(Buffer.from(bytes))).toBe(true)
    expect(photo?.mime).toBe('image/jpeg')
    expect(audited).toContain(`field.photo-add job-photo:1:${added.photoId}:0 chunks:4`)
    expect(await removePhoto(ctx, 'job:1', added.photoId, 4)).toEqual({ ok: true })
    expect((await openJob(ctx, 'job:1'))!.photos).toEqual([])
  })

  it('SVC-3: a photo whose chunks have not all arrived says which are missing', async () => {
    await dispatched('job:1')
    const added = await addPhoto(ctx, 'job:1', bytesOf(150_000), 'image/jpeg')
    if (!added.ok) throw new Error(added.problem)
    await ctx.records.photos.remove(`job-photo:1:${added.photoId}:1`)
    expect((await openJob(ctx, 'job:1'))!.photos).toEqual([{ photoId: added.photoId, mime: 'image/jpeg', count: 3, missing: [1] }])
  })

  it('SVC-3: a signature left empty is refused and nothing is stored; a signature keeps strokes, PNG and signer', async () => {
    await dispatched('job:1')
    expect(await signJob(ctx, 'job:1', { ...scrawl, strokes: [[[10, 10, 0], [12, 10, 16]]] }, '', at)).toEqual({ ok: false, problem: 'signature-empty' })
    expect((await openJob(ctx, 'job:1'))!.signature).toBeUndefined()
    expect(await signJob(ctx, 'job:1', scrawl, '  ', at)).toEqual({ ok: true })
    expect((await openJob(ctx, 'job:1'))!.signature).toEqual({ jobId: 'job:1', signerName: '王芳', strokes: scrawl.strokes, png: 'iVBORw0KGgo', width: 340, height: 150, signedAt: at })
  })

  it('SVC-3: finishing is refused without the work done or the signature, every reason at once', async () => {
    await dispatched('job:1')
    expect(await finishJob(ctx, 'job:1', at)).toEqual({ ok: false, problem: 'not-ready', problems: ['not-started', 'work-done-missing', 'signature-missing'] })
    await startJob(ctx, 'job:1', at)
    await signJob(ctx, 'job:1', scrawl, '', at + minute)
    expect(await finishJob(ctx, 'job:1', at + 2 * minute)).toEqual({ ok: false, problem: 'not-ready', problems: ['work-done-missing'] })
    await saveWork(ctx, 'job:1', { workDone: 'Cleaned the condenser' })
    expect(await finishJob(ctx, 'job:1', at + 95 * minute)).toEqual({ ok: true, finishedAt: at + 95 * minute, minutes: 95 })
    expect((await openJob(ctx, 'job:1'))!.stage).toBe('finished')
  })

  it('SVC-3: a paid job is not finished without its charge', async () => {
    await dispatched('job:1', { kind: 'a' })
    await startJob(ctx, 'job:1', at)
    await saveWork(ctx, 'job:1', { workDone: 'Replaced the thermostat' })
    await signJob(ctx, 'job:1', scrawl, '', at)
    expect(await finishJob(ctx, 'job:1', at + minute)).toEqual({ ok: false, problem: 'not-ready', problems: ['charge-missing'] })
    await saveWork(ctx, 'job:1', { chargeFen: 12_050, minutes: 30 })
    expect(await finishJob(ctx, 'job:1', at + 90 * minute)).toEqual({ ok: true, finishedAt: at + 90 * minute, minutes: 30 })
  })

  it('SVC-3: a finished job is not changed again, and waits to sync until a round has sent it', async () => {
    await dispatched('job:1')
    await startJob(ctx, 'job:1', at)
    await saveWork(ctx, 'job:1', { workDone: 'Reset the board' })
    await signJob(ctx, 'job:1', scrawl, '', at)
    await finishJob(ctx, 'job:1', at + minute)
    expect(await saveWork(ctx, 'job:1', { workDone: 'changed later' })).toEqual({ ok: false, problem: 'already-finished' })
    expect(await addPhoto(ctx, 'job:1', bytesOf(10), 'image/jpeg')).toEqual({ ok: false, problem: 'already-finished' })
    expect(await finishJob(ctx, 'job:1', at + 2 * minute)).toEqual({ ok: false, problem: 'already-finished' })
    expect((await listJobs(ctx)).map((r) => [r.stage, r.waiting])).toEqual([['finished', true]])
    await pushed()
    expect((await listJobs(ctx)).map((r) => [r.stage, r.waiting])).toEqual([['finished', false]])
  })

  it('SVC-3: a reload (a new store on the same database) finds everything saved: work, photo, signature, finish', async () => {
    await dispatched('job:1')
    await startJob(ctx, 'job:1', at)
    await saveWork(ctx, 'job:1', { workDone: 'Replaced the fan', parts: [{ name: 'Fan', qty: 1 }] })
    await addPhoto(ctx, 'job:1', bytesOf(70_000), 'image/jpeg')
    await signJob(ctx, 'job:1', scrawl, '王先生', at + minute)
    await finishJob(ctx, 'job:1', at + 20 * minute)
    const before = await openJob(ctx, 'job:1')

    const reopened = createLobbyStorage(new LobbyDb(t.db.name), () => keys, 'vitest')
    const after = await openJob(contextOn(reopened), 'job:1')
    expect(after).toEqual(before)
    expect(after).toMatchObject({ stage: 'finished', waiting: true, work: { workDone: 'Replaced the fan', finishedAt: at + 20 * minute, minutes: 20 }, signature: { signerName: '王先生' } })
    expect(after!.photos).toHaveLength(1)
  })

  it('SVC-3: a job the office closed (deleted from the realm) leaves the list, and writes to it are refused', async () => {
    await dispatched('job:1')
    await dispatched('job:2')
    await startJob(ctx, 'job:1', at)
    await ctx.records.jobs.remove('job:1')
    expect((await listJobs(ctx)).map((r) => r.id)).toEqual(['job:2'])
    expect(await openJob(ctx, 'job:1')).toBeUndefined()
    expect(await saveWork(ctx, 'job:1', { workDone: 'x' })).toEqual({ ok: false, problem: 'job-closed' })
    expect(await finishJob(ctx, 'job:1', at)).toEqual({ ok: false, problem: 'job-closed' })
  })
})
