import { jobStage, type JobStage } from '@/core/service/job-work'
import type { Job, JobPhoto, JobSignature, JobWork } from '@/core/service/types'
import type { AuditEvent } from '@/storage/audit-events'
import { fromChunks } from '@/platform/chunks'
import { jobWaiting, signatureIdOf, workIdOf, type FieldRecords } from './field-records'
import type { FieldAuditAction } from './field.audit'

/**
 * The technician's phone over their own realm (SVC-3): plain async functions, storage guarantees only; the rules
 * are core/service's (job-work.ts, signature.ts, job-photo.ts). Every write is audited with a `field.*` action whose
 * detail holds ids and counts, never the customer's details (CONF-6).
 */
export interface FieldContext {
  records: FieldRecords
  audit: { append: (event: Pick<AuditEvent, 'by' | 'recordId' | 'recordType' | 'detail'> & { action: FieldAuditAction }) => Promise<unknown> }
  /** The technician: the audit entry's author. */
  userId: string
}

/** A row of today's jobs: what the list shows, and whether the phone's work on it still waits for a sync round. */
export interface JobRow {
  id: string
  job: Job
  stage: JobStage
  startedAt?: number
  finishedAt?: number
  waiting: boolean
}

/** A photo of a job put back together from its chunks (`count` of them), or why not yet (`missing`: chunks still to sync). */
export type JobPhotoView = { photoId: string; mime: string; count: number } & ({ bytes: Uint8Array } | { missing: number[] } | { broken: true })

export interface JobView {
  id: string
  job: Job
  /** The work so far; a job not started yet has an empty one (not stored until the technician starts). */
  work: JobWork
  stage: JobStage
  photos: JobPhotoView[]
  signature?: JobSignature
  waiting: boolean
}

export const emptyWork = (jobId: string): JobWork => ({ jobId, workDone: '', parts: [], minutes: 0 })

/** The job's work as stored, or an empty one. */
export async function workOf(ctx: FieldContext, jobId: string): Promise<JobWork> {
  return (await ctx.records.work.get(workIdOf(jobId))) ?? emptyWork(jobId)
}

/**
 * SVC-3: today's jobs: every job in the technician's realm (it holds only their open ones), work in hand first,
 * complaints before the rest, then in the order they were dispatched; finished jobs last.
 */
export async function listJobs(ctx: FieldContext): Promise<JobRow[]> {
  const [jobs, works, unsynced] = await Promise.all([ctx.records.jobs.list(), ctx.records.work.list(), ctx.records.unsynced()])
  const workOfJob = new Map(works.map((w) => [w.record.jobId, w.record]))
  const rows = jobs.map(({ id, record: job }): JobRow => {
    const work = workOfJob.get(id)
    return {
      id,
      job,
      stage: jobStage(work),
      ...(work?.startedAt !== undefined ? { startedAt: work.startedAt } : {}),
      ...(work?.finishedAt !== undefined ? { finishedAt: work.finishedAt } : {}),
      waiting: jobWaiting(id, unsynced),
    }
  })
  const place = (r: JobRow) => [r.stage === 'finished' ? 1 : 0, r.stage === 'started' ? 0 : 1, r.job.complaint ? 0 : 1, r.job.dispatchedAt] as const
  return rows.sort((a, b) => {
    const [pa, pb] = [place(a), place(b)]
    for (let i = 0; i < pa.length; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!
    return a.id.localeCompare(b.id)
  })
}

/** The chunks of each photo put back together (core's checkReassembly), in a stable order. */
export function photosOf(chunks: readonly JobPhoto[]): JobPhotoView[] {
  const byPhoto = new Map<string, JobPhoto[]>()
  for (const c of chunks) byPhoto.set(c.photoId, [...(byPhoto.get(c.photoId) ?? []), c])
  return [...byPhoto.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([photoId, parts]): JobPhotoView => {
      const { mime, count } = parts[0]!
      const joined = fromChunks(parts)
      if (joined.ok) return { photoId, mime, count, bytes: joined.bytes }
      return joined.problem === 'chunks-missing' ? { photoId, mime, count, missing: joined.missing } : { photoId, mime, count, broken: true }
    })
}

/** SVC-3: one job with its work, photos and signature; undefined when it is not (or no longer) in the realm. */
export async function openJob(ctx: FieldContext, jobId: string): Promise<JobView | undefined> {
  const job = await ctx.records.jobs.get(jobId)
  if (!job) return undefined
  const [work, chunks, signature, unsynced] = await Promise.all([workOf(ctx, jobId), ctx.records.photos.byParent(jobId), ctx.records.signatures.get(signatureIdOf(jobId)), ctx.records.unsynced()])
  return {
    id: jobId,
    job,
    work,
    stage: jobStage(work),
    photos: photosOf(chunks.map((c) => c.record)),
    ...(signature ? { signature } : {}),
    waiting: jobWaiting(jobId, unsynced),
  }
}
