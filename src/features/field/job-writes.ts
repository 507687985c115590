import { checkFinish, minutesAtFinish, type FinishProblem } from '@/core/service/job-work'
import { checkSignature } from '@/core/service/signature'
import type { JobWork } from '@/core/service/types'
import { randomId } from '@/crypto/bytes'
import { toChunks } from '@/platform/chunks'
import { photoChunkIdOf, signatureIdOf, workIdOf } from './field-records'
import { workOf, type FieldContext } from './job-reads'
import type { FieldAuditAction } from './field.audit'
import type { Signature } from './signature-strokes'

// The technician's writes (SVC-3). Each is saved at once, sealed in the technician's realm on this device (Dexie
// through the records kit), so a reload, a lock or a flat battery loses nothing; sync sends it when it can.

/** Why a write to a job did not happen: the office closed it (it left the realm), or it was finished already. */
export type JobRefusal = 'job-closed' | 'already-finished'
export type Written<T extends object = object> = ({ ok: true } & T) | { ok: false; problem: JobRefusal }

const audit = (ctx: FieldContext, action: FieldAuditAction, recordType: string, recordId: string, detail?: string) =>
  ctx.audit.append({ action, by: ctx.userId, recordType, recordId, ...(detail ? { detail } : {}) })

/** The job's work, if the job is still there and not finished. */
async function openWork(ctx: FieldContext, jobId: string): Promise<{ ok: true; work: JobWork } | { ok: false; problem: JobRefusal }> {
  if (!(await ctx.records.jobs.get(jobId))) return { ok: false, problem: 'job-closed' }
  const work = await workOf(ctx, jobId)
  return work.finishedAt === undefined ? { ok: true, work } : { ok: false, problem: 'already-finished' }
}

/** SVC-3: the technician starts the job at `now`; a job started already keeps its first start. */
export async function startJob(ctx: FieldContext, jobId: string, now: number): Promise<Written<{ startedAt: number }>> {
  const open = await openWork(ctx, jobId)
  if (!open.ok) return open
  if (open.work.startedAt !== undefined) return { ok: true, startedAt: open.work.startedAt }
  await ctx.records.work.put({ ...open.work, startedAt: now }, workIdOf(jobId))
  await audit(ctx, 'field.job-start', 'job-work', workIdOf(jobId))
  return { ok: true, startedAt: now }
}

/** What the form edits of a job's work; `chargeFen: null` takes a charge off. */
export type WorkChange = Partial<Pick<JobWork, 'workDone' | 'parts' | 'minutes'>> & { chargeFen?: number | null }

/** SVC-3: the work done, parts, minutes or charge, saved as typed (the form checks them first, core/service/job-work.ts). */
export async function saveWork(ctx: FieldContext, jobId: string, change: WorkChange): Promise<Written> {
  const open = await openWork(ctx, jobId)
  if (!open.ok) return open
  const { chargeFen, ...rest } = change
  const next: JobWork = { ...open.work, ...rest }
  if (chargeFen === null) delete next.chargeFen
  else if (chargeFen !== undefined) next.chargeFen = chargeFen
  await ctx.records.work.put(next, workIdOf(jobId))
  return { ok: true }
}

/**
 * SVC-3: a photo, already compressed on the phone, stored as chunk records of 64 KiB (core's `chunksOf`) in one
 * transaction: all of it or nothing. Never in the service worker's cache: it exists as sealed records only.
 */
export async function addPhoto(ctx: FieldContext, jobId: string, bytes: Uint8Array, mime: string): Promise<Written<{ photoId: string }>> {
  const open = await openWork(ctx, jobId)
  if (!open.ok) return open
  const photoId = randomId()
  const chunks = toChunks(bytes)
  await ctx.records.photos.putMany(
    chunks.map((c) => ({ id: photoChunkIdOf(jobId, photoId, c.index), record: { jobId, photoId, index: c.index, count: c.count, mime, data: c.data } })),
  )
  await audit(ctx, 'field.photo-add', 'job-photo', photoChunkIdOf(jobId, photoId, 0), `chunks:${chunks.length}`)
  return { ok: true, photoId }
}

/** SVC-3: a photo taken by mistake, taken off a job not yet finished. */
export async function removePhoto(ctx: FieldContext, jobId: string, photoId: string, count: number): Promise<Written> {
  const open = await openWork(ctx, jobId)
  if (!open.ok) return open
  for (let index = 0; index < count; index++) await ctx.records.photos.remove(photoChunkIdOf(jobId, photoId, index))
  await audit(ctx, 'field.photo-remove', 'job-photo', photoChunkIdOf(jobId, photoId, 0))
  return { ok: true }
}

export type SignResult = Written | { ok: false; problem: 'signature-empty' }

/**
 * SVC-3: the customer's signature on the voucher: its strokes and PNG, who signed (the job's customer when no other
 * name is given) and when. A pad left empty (core's `checkSignature`) is refused; signing again replaces it.
 */
export async function signJob(ctx: FieldContext, jobId: string, signature: Signature, signerName: string, now: number): Promise<SignResult> {
  const open = await openWork(ctx, jobId)
  if (!open.ok) return open
  const check = checkSignature(signature.strokes)
  if (!check.ok) return { ok: false, problem: check.problem }
  const job = (await ctx.records.jobs.get(jobId))!
  const { strokes, png, width, height } = signature
  await ctx.records.signatures.put({ jobId, signerName: signerName.trim() || job.customerName, strokes, ...(png ? { png } : {}), width, height, signedAt: now }, signatureIdOf(jobId))
  await audit(ctx, 'field.signature', 'job-signature', signatureIdOf(jobId))
  return { ok: true }
}

export type FinishResult = Written<{ finishedAt: number; minutes: number }> | { ok: false; problem: 'not-ready'; problems: FinishProblem[] }

/**
 * SVC-3: the job finished at `now`, refused (every reason at once) unless started, with its work done, the charge
 * of a paid job, and the customer's signature. The minutes are the technician's, else start to finish. From here
 * the job waits on the phone until a sync round sends it and the office takes it in.
 */
export async function finishJob(ctx: FieldContext, jobId: string, now: number): Promise<FinishResult> {
  const job = await ctx.records.jobs.get(jobId)
  if (!job) return { ok: false, problem: 'job-closed' }
  const [work, signature] = await Promise.all([workOf(ctx, jobId), ctx.records.signatures.get(signatureIdOf(jobId))])
  const signed = signature !== undefined && (signature.strokes ? checkSignature(signature.strokes).ok : Boolean(signature.png))
  const check = checkFinish(job, work, signed)
  if (!check.ok) return check.problems.includes('already-finished') ? { ok: false, problem: 'already-finished' } : { ok: false, problem: 'not-ready', problems: check.problems }
  const minutes = minutesAtFinish(work, now)
  await ctx.records.work.put({ ...work, finishedAt: now, minutes }, workIdOf(jobId))
  const photos = new Set((await ctx.records.photos.byParent(jobId)).map((p) => p.record.photoId)).size
  await audit(ctx, 'field.job-finish', 'job-work', workIdOf(jobId), `photos:${photos}`)
  return { ok: true, finishedAt: now, minutes }
}
