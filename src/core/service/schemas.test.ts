import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import * as s from './schemas'
import { closeOf, completionOf, contactOf, dispatchOf, reopenOf, serviceRequest } from './test-fixtures'

const accepts = (schema: v.GenericSchema, value: unknown) => v.safeParse(schema, value).success

describe('SVC-1 … SVC-4 record schemas', () => {
  it('SVC-1: the field realm types are prefixed svc-; the technician realm holds job types only, none of them events', () => {
    expect(Object.values(s.fieldTypes).every((t) => t.startsWith('svc-'))).toBe(true)
    expect(Object.values(s.techTypes)).toEqual(['job', 'job-work', 'job-photo', 'job-signature'])
    expect([...s.serviceEventTypes].sort()).toEqual(
      ['svc-close', 'svc-contact', 'svc-dispatch', 'svc-reopen'],
    )
  })

  it('SVC-1: a request as the check saves it is accepted; an unknown type or a malformed purchase date is not', () => {
    const request = serviceRequest('svc-request:1', 1).record
    expect(accepts(s.serviceRequestSchema, request)).toBe(true)
    expect(accepts(s.serviceRequestSchema, { ...request, purchaseDate: '2027-03-01', accountId: 'bb-agreement:1' })).toBe(true)
    expect(accepts(s.serviceRequestSchema, { ...request, kind: 'e' })).toBe(false)
    expect(accepts(s.serviceRequestSchema, { ...request, purchaseDate: '1/3/2027' })).toBe(false)
    expect(accepts(s.serviceRequestSchema, { ...request, complaint: undefined })).toBe(false)
  })

  it('issue 15 §6: a fault report may name the outage it was part of; a request saved before the link still opens', () => {
    const request = serviceRequest('svc-request:1', 1).record
    expect(accepts(s.serviceRequestSchema, { ...request, faultReport: true, accountId: 'bb-agreement:1', outageId: 'bb-outage:1' })).toBe(true)
    expect(accepts(s.serviceRequestSchema, { ...request, outageId: 7 })).toBe(false)
  })

  it('SVC-2, SVC-4: dispatch, completion, contact, close and reopen events are accepted as the rules build them', () => {
    expect(accepts(s.serviceDispatchSchema, dispatchOf('d', 'r', 1).record)).toBe(true)
    expect(accepts(s.serviceCompletionSchema, { ...completionOf('c', 'r', 1).record, chargeFen: 12_000, signatureId: 'svc-signature:1' })).toBe(true)
    expect(accepts(s.serviceCompletionSchema, { ...completionOf('c', 'r', 1).record, chargeFen: 120.5 })).toBe(false)
    expect(accepts(s.serviceContactSchema, contactOf('c', 'r', 1, 'reached', { satisfaction: 4, resolved: false }).record)).toBe(true)
    expect(accepts(s.serviceContactSchema, { ...contactOf('c', 'r', 1, 'no-answer').record, outcome: 'busy' })).toBe(false)
    expect(accepts(s.serviceCloseSchema, closeOf('c', 'r', 1, 'unreachable').record)).toBe(true)
    expect(accepts(s.serviceReopenSchema, reopenOf('c', 'r', 1).record)).toBe(true)
  })

  it('SVC-3: a photo chunk is base64url with its index within a count; anything else is not', () => {
    const chunk = { jobId: 'job:1', photoId: 'p1', index: 0, count: 2, mime: 'image/jpeg', data: 'AAEC_-z' }
    expect(accepts(s.jobPhotoSchema, chunk)).toBe(true)
    expect(accepts(s.servicePhotoSchema, { ...chunk, jobId: undefined, requestId: 'svc-request:1' })).toBe(true)
    expect(accepts(s.jobPhotoSchema, { ...chunk, data: 'AA+/==' })).toBe(false)
    expect(accepts(s.jobPhotoSchema, { ...chunk, index: -1 })).toBe(false)
    expect(accepts(s.jobPhotoSchema, { ...chunk, count: 0 })).toBe(false)
    expect(accepts(s.jobPhotoSchema, { ...chunk, mime: 'text/html' })).toBe(false)
  })

  it('SVC-3: a signature holds its strokes or a PNG of them, not neither', () => {
    const signature = { jobId: 'job:1', signerName: 'Wang', width: 340, height: 150, signedAt: 1 }
    expect(accepts(s.jobSignatureSchema, { ...signature, strokes: [[[1, 2, 0], [3, 4, 16]]] })).toBe(true)
    expect(accepts(s.jobSignatureSchema, { ...signature, png: 'iVBORw0KGgo' })).toBe(true)
    // A point is [x, y, t]: the shape the pad records, kept as it is.
    expect(accepts(s.jobSignatureSchema, { ...signature, strokes: [[{ x: 1, y: 2 }]] })).toBe(false)
    expect(accepts(s.jobSignatureSchema, { ...signature, strokes: [[[1, 2]]] })).toBe(false)
    expect(accepts(s.jobSignatureSchema, signature)).toBe(false)
    expect(accepts(s.serviceSignatureSchema, { ...signature, jobId: undefined, requestId: 'svc-request:1' })).toBe(false)
  })

  it('SVC-3: a job carries what the work needs; its work record may be unstarted', () => {
    const job = { requestId: 'svc-request:1', customerName: '王芳', phone: '13800138000', address: 'Room 3', product: 'Fridge', model: 'X', spec: '', fault: 'Warm', kind: 'a', complaint: true, dispatchedAt: 1 }
    expect(accepts(s.jobSchema, job)).toBe(true)
    expect(accepts(s.jobSchema, { ...job, customerName: undefined })).toBe(false)
    expect(accepts(s.jobWorkSchema, { jobId: 'job:1', workDone: '', parts: [], minutes: 0 })).toBe(true)
  })

  it('SVC-4: the settings hold the number of attempts', () => {
    expect(accepts(s.serviceSettingsSchema, { unreachableAttempts: 4 })).toBe(true)
    expect(accepts(s.serviceSettingsSchema, {})).toBe(false)
  })
})
