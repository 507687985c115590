import { createJobRecords } from '@/features/service/service-records'
import { unsyncedIds } from '@/storage/records'
import type { RepoContext } from '@/storage/sealed-repo'

/**
 * What the technician's phone writes about a job sits under ids made from the job's (`job:<key>`): one work record
 * and one signature per job, the photos' chunks under the job's key. So a phone and a tablet of the same technician
 * both offline edit one record that merges field by field, and the phone finds everything of a job by its ids.
 */
export const jobKey = (jobId: string): string => (jobId.startsWith('job:') ? jobId.slice('job:'.length) : jobId)
export const workIdOf = (jobId: string): string => `job-work:${jobKey(jobId)}`
export const signatureIdOf = (jobId: string): string => `job-signature:${jobKey(jobId)}`
export const photoChunkIdOf = (jobId: string, photoId: string, index: number): string => `job-photo:${jobKey(jobId)}:${photoId}:${index}`

/** Whether any of `jobId`'s own records (work, signature, photo chunks) is among `unsynced` (ids still on this phone only). */
export function jobWaiting(jobId: string, unsynced: ReadonlySet<string>): boolean {
  const photos = `job-photo:${jobKey(jobId)}:`
  for (const id of unsynced) if (id === workIdOf(jobId) || id === signatureIdOf(jobId) || id.startsWith(photos)) return true
  return false
}

/** The technician's own jobs (their realm `tech:<id>`), and which of the phone's writes still wait for a sync round. */
export function createFieldRecords(ctx: RepoContext, technicianId: string) {
  return {
    ...createJobRecords(ctx, technicianId),
    /** Ids of the job records written on this phone and not yet on the server (keys only, nothing opened). */
    unsynced: () => unsyncedIds(ctx, 'job'),
  }
}

export type FieldRecords = ReturnType<typeof createFieldRecords>
