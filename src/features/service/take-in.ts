import { checkReassembly } from '@/core/service/job-photo'
import type { JobPhoto, JobSignature, JobWork, ServiceCompletion, ServicePhoto, ServiceSignature, WithId } from '@/core/service/types'
import { audit, deleteJobRecords, skipWithoutKey, type ServiceContext } from './service-actions'
import { completionIdOf, photoChunkIdOf, requestIdOfJob, signatureIdOf } from './service-ids'

/** What one take-in found: the completions written, and the finished jobs left for a later round, with why. */
export interface TakeInResult {
  taken: string[]
  waiting: { jobId: string; why: 'photo-incomplete' | 'unsigned' | 'unknown-job' }[]
}

const byId = <T>(a: WithId<T>, b: WithId<T>) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * SVC-3: the records of one finished job as the office keeps them, worked out from the technician's records alone,
 * so every device that takes the job in writes the same ids and the same contents (they are mutable and converge).
 * Waits (undefined, with why) while a photo lacks chunks or the signature has not arrived: a phone's push that the
 * network cut off sends the rest in its next round, and the job is taken in then.
 */
export function takenInRecords(
  technicianId: string,
  jobId: string,
  requestId: string,
  work: JobWork,
  chunks: readonly WithId<JobPhoto>[],
  signatures: readonly WithId<JobSignature>[],
): { ok: true; completion: WithId<ServiceCompletion>; photos: WithId<ServicePhoto>[]; signature: WithId<ServiceSignature> } | { ok: false; why: 'photo-incomplete' | 'unsigned' } {
  const byPhoto = new Map<string, WithId<JobPhoto>[]>()
  for (const c of [...chunks].sort(byId)) byPhoto.set(c.record.photoId, [...(byPhoto.get(c.record.photoId) ?? []), c])
  const photos: WithId<ServicePhoto>[] = []
  for (const photoChunks of byPhoto.values()) {
    const whole = checkReassembly(photoChunks.map((c) => ({ ...c, index: c.record.index, count: c.record.count })))
    if (!whole.ok) return { ok: false, why: 'photo-incomplete' }
    for (const c of whole.chunks) {
      const { jobId: _job, ...chunk } = c.record
      photos.push({ id: photoChunkIdOf(c.id), record: { requestId, ...chunk } })
    }
  }
  // The latest signature counts (a customer asked to sign again); by id when two were signed at one instant.
  const signed = [...signatures].sort((a, b) => b.record.signedAt - a.record.signedAt || byId(b, a))[0]
  if (!signed || work.finishedAt === undefined) return { ok: false, why: 'unsigned' }
  const { jobId: _job, ...signatureEntries } = signed.record
  const signature = { id: signatureIdOf(signed.id), record: { requestId, ...signatureEntries } }
  const completion: ServiceCompletion = {
    requestId,
    technicianId,
    startedAt: work.startedAt ?? work.finishedAt,
    finishedAt: work.finishedAt,
    workDone: work.workDone,
    parts: work.parts,
    minutes: work.minutes,
    ...(work.chargeFen !== undefined ? { chargeFen: work.chargeFen } : {}),
    photoIds: [...byPhoto.keys()].sort(),
    signatureId: signature.id,
  }
  return { ok: true, completion: { id: completionIdOf(jobId), record: completion }, photos, signature }
}

/**
 * SVC-3: takes one technician's finished jobs in. For each `job-work` with `finishedAt`: the completion, its photos'
 * chunks and the signature are written into the field realm in ONE transaction, then the job and everything recorded
 * on it are deleted from the technician's realm (the phone's next pull removes them: CONF-4). Running it again, or on
 * another lead's device, writes the same ids and contents; a job already taken in has no work left to find.
 */
export async function takeInJobsOf(ctx: ServiceContext, technicianId: string): Promise<TakeInResult> {
  const jobs = ctx.jobs(technicianId)
  const result: TakeInResult = { taken: [], waiting: [] }
  const finished = (await jobs.work.list().catch(skipWithoutKey)).filter((w) => w.record.finishedAt !== undefined)
  for (const jobId of [...new Set(finished.map((w) => w.record.jobId))].sort()) {
    const [job, work, chunks, signatures] = await Promise.all([jobs.jobs.get(jobId), jobs.work.byParent(jobId), jobs.photos.byParent(jobId), jobs.signatures.byParent(jobId)])
    const requestId = job?.requestId ?? requestIdOfJob(jobId)
    // The work record the phone finished (one per job; should there be two, the latest finish).
    const done = work.filter((w) => w.record.finishedAt !== undefined).sort((a, b) => b.record.finishedAt! - a.record.finishedAt! || byId(b, a))[0]
    if (!requestId || !done) {
      result.waiting.push({ jobId, why: 'unknown-job' })
      continue
    }
    const made = takenInRecords(technicianId, jobId, requestId, done.record, chunks, signatures)
    if (!made.ok) {
      result.waiting.push({ jobId, why: made.why })
      continue
    }
    const r = ctx.records
    await r.writeTogether([
      await r.completions.sealMany([made.completion]),
      await r.photos.sealMany(made.photos),
      await r.signatures.sealMany([made.signature]),
    ])
    await audit(ctx, 'service.take-in', 'svc-completion', made.completion.id, `photos:${made.completion.record.photoIds.length} signed`)
    await deleteJobRecords(jobs, { id: jobId, work, photos: chunks, signatures })
    result.taken.push(made.completion.id)
  }
  return result
}

/** Every technician's finished jobs this device can read (it holds their realms' keys), one technician after another. */
export async function takeInFinishedJobs(ctx: ServiceContext, technicianIds: readonly string[]): Promise<TakeInResult> {
  const all: TakeInResult = { taken: [], waiting: [] }
  for (const id of technicianIds) {
    const one = await takeInJobsOf(ctx, id)
    all.taken.push(...one.taken)
    all.waiting.push(...one.waiting)
  }
  return all
}
