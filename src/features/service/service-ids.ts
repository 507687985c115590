/**
 * Issue 15: the ids the office derives from others. Every id is its type, a colon and a suffix (`svc-request:<random>`).
 *
 * A dispatched job lives in a technician's realm, but every lead's device holds every technician's realm in one table
 * keyed by id alone: the same job id in two realms (a reassignment) would be one row, and the withdrawal from the
 * first technician would be overwritten by the job for the second before it was pushed. So a job's id names the
 * request, the round (a reopened request is dispatched again: its completion must not overwrite the first round's) and
 * the technician: `job:<request suffix>.<round>.<technician id>`. Two leads dispatching the same request to the same
 * technician offline write the same job; what is taken in from it is named after it, so two devices taking it in
 * write the same records.
 */

/** The part of a typed id after its type: `svc-request:abc` → `abc`. */
export const suffixOf = (id: string): string => id.slice(id.indexOf(':') + 1)

/** The open-work marker of a request (service-records.ts): `svc-open:<request suffix>`. */
export const openMarkerId = (requestId: string): string => `svc-open:${suffixOf(requestId)}`

/** The job a dispatch writes into the technician's realm. User ids hold no `.` (`u` + base64url), nor do request suffixes. */
export const jobIdFor = (requestId: string, round: number, technicianId: string): string => `job:${suffixOf(requestId)}.${round}.${technicianId}`

const jobIdPattern = /^job:([A-Za-z0-9_-]+)\.(\d+)\.([A-Za-z0-9_-]+)$/

/** The request a job id names, even once the job record itself is gone; undefined for an id not made by `jobIdFor`. */
export function requestIdOfJob(jobId: string): string | undefined {
  const m = jobIdPattern.exec(jobId)
  return m ? `svc-request:${m[1]}` : undefined
}

/** The finished job taken in: `svc-completion:<job suffix>`, the same on every device that takes it in. */
export const completionIdOf = (jobId: string): string => `svc-completion:${suffixOf(jobId)}`

/** A photo chunk taken in, named after the technician's chunk record. */
export const photoChunkIdOf = (jobPhotoId: string): string => `svc-photo:${suffixOf(jobPhotoId)}`

/** The signature taken in, named after the technician's signature record. */
export const signatureIdOf = (jobSignatureId: string): string => `svc-signature:${suffixOf(jobSignatureId)}`
