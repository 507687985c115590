import { describe, expect, it } from 'vitest'
import { completionIdOf, jobIdFor, openMarkerId, photoChunkIdOf, requestIdOfJob, signatureIdOf, suffixOf } from './service-ids'

describe('ids the office derives (issue 15)', () => {
  it('names the open marker, the job, and what is taken in from it after their sources', () => {
    expect(suffixOf('svc-request:Ab_c-1')).toBe('Ab_c-1')
    expect(openMarkerId('svc-request:Ab_c-1')).toBe('svc-open:Ab_c-1')
    const job = jobIdFor('svc-request:Ab_c-1', 2, 'uTech_9-x')
    expect(job).toBe('job:Ab_c-1.2.uTech_9-x')
    expect(requestIdOfJob(job)).toBe('svc-request:Ab_c-1')
    expect(completionIdOf(job)).toBe('svc-completion:Ab_c-1.2.uTech_9-x')
    expect(photoChunkIdOf('job-photo:p1')).toBe('svc-photo:p1')
    expect(signatureIdOf('job-signature:s1')).toBe('svc-signature:s1')
  })

  it('gives one request different jobs per technician and per round, so no two realms share a job id', () => {
    const ids = new Set([jobIdFor('svc-request:r', 1, 'uA'), jobIdFor('svc-request:r', 1, 'uB'), jobIdFor('svc-request:r', 2, 'uA')])
    expect(ids.size).toBe(3)
  })

  it('finds no request in a job id it did not make', () => {
    expect(requestIdOfJob('job:random')).toBeUndefined()
    expect(requestIdOfJob('job-work:r.1.uA')).toBeUndefined()
  })
})
