import { describe, expect, it } from 'vitest'
import { instantOf } from '@/core/shared/local-date'
import { checkRequest, requestTextLimits, type RequestContext, type RequestInput } from './request-check'

const zone = 'Asia/Shanghai'
const now = instantOf('2027-03-10', '10:00', zone)
const ctx: RequestContext = { now, zone, takenBy: 'agent-1', inArrears: false }
const input: RequestInput = {
  customerId: 'person:1',
  address: ' 1 Harbour Road, room 302 ',
  phone: ' 138 0013 8000 ',
  product: 'Fridge',
  model: 'BCD-470',
  spec: '470 L',
  purchaseDate: '2026-11-02',
  purchasePlace: 'Suning, Tianhe',
  fault: '  Not cooling  ',
  kind: 'a',
  nature: 'request',
  complaint: false,
  faultReport: false,
}
const problems = (changes: Partial<RequestInput>, context: Partial<RequestContext> = {}) => {
  const result = checkRequest({ ...input, ...changes }, { ...ctx, ...context })
  return result.ok ? [] : result.problems
}

describe('SVC-1 a new service request', () => {
  it('SVC-1: saves the request trimmed, received now, taken by the user', () => {
    expect(checkRequest(input, ctx)).toEqual({
      ok: true,
      value: {
        customerId: 'person:1',
        address: '1 Harbour Road, room 302',
        phone: '138 0013 8000',
        product: 'Fridge',
        model: 'BCD-470',
        spec: '470 L',
        purchaseDate: '2026-11-02',
        purchasePlace: 'Suning, Tianhe',
        fault: 'Not cooling',
        kind: 'a',
        nature: 'request',
        complaint: false,
        faultReport: false,
        receivedAt: now,
        takenBy: 'agent-1',
      },
    })
  })

  it('SVC-1: no customer, no fault, no phone, no address, no type: each is named on its field, all at once', () => {
    expect(problems({ customerId: ' ', fault: ' ', phone: '', address: '\n', kind: '' })).toEqual([
      { field: 'customerId', code: 'customer-required' },
      { field: 'address', code: 'address-required' },
      { field: 'phone', code: 'phone-required' },
      { field: 'fault', code: 'fault-required' },
      { field: 'kind', code: 'kind-required' },
    ])
  })

  it('SVC-1: product, model, specification and purchase date and place may be blank (an enquiry)', () => {
    const result = checkRequest({ ...input, product: ' ', model: '', spec: '', purchaseDate: ' ', purchasePlace: '', nature: 'enquiry' }, ctx)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.value).toMatchObject({ product: '', model: '', spec: '', purchasePlace: '', nature: 'enquiry' })
    if (result.ok) expect(result.value).not.toHaveProperty('purchaseDate')
  })

  it('SVC-1: an unknown type or nature and a phone that is no number are refused', () => {
    expect(problems({ kind: 'e', nature: 'chat', phone: 'call me' })).toEqual([
      { field: 'phone', code: 'phone-invalid' },
      { field: 'kind', code: 'kind-unknown' },
      { field: 'nature', code: 'nature-unknown' },
    ])
  })

  it('SVC-1: each text is limited (at the limit: saved; one more character: too-long), counted after trimming', () => {
    const atLimit = 'x'.repeat(requestTextLimits.fault)
    expect(problems({ fault: `  ${atLimit}  ` })).toEqual([])
    expect(problems({ fault: `${atLimit}y` })).toEqual([{ field: 'fault', code: 'too-long' }])
    expect(problems({ address: '路'.repeat(requestTextLimits.address + 1), model: 'm'.repeat(requestTextLimits.model + 1) })).toEqual([
      { field: 'address', code: 'too-long' },
      { field: 'model', code: 'too-long' },
    ])
    expect(problems({ phone: '1'.repeat(requestTextLimits.phone + 1) })).toEqual([{ field: 'phone', code: 'too-long' }])
  })

  it("SVC-1: a purchase date today is fine, tomorrow (the organisation's day) is in the future, 2027-02-30 is no date", () => {
    // 23:30 on 10 March in Shanghai is still 15:30 UTC the same day; 00:30 on 11 March is 16:30 UTC on the 10th.
    const lateEvening = instantOf('2027-03-10', '23:30', zone)
    expect(problems({ purchaseDate: '2027-03-10' }, { now: lateEvening })).toEqual([])
    expect(problems({ purchaseDate: '2027-03-11' }, { now: lateEvening })).toEqual([{ field: 'purchaseDate', code: 'purchase-date-in-future' }])
    expect(problems({ purchaseDate: '2027-03-11' }, { now: instantOf('2027-03-11', '00:30', zone) })).toEqual([])
    expect(problems({ purchaseDate: '2027-02-30' })).toEqual([{ field: 'purchaseDate', code: 'purchase-date-invalid' }])
  })

  it('SVC-1, SVC-2: a call received earlier keeps its time; a time after now or no time at all is refused', () => {
    const earlier = now - 20 * 60_000
    const result = checkRequest({ ...input, receivedAt: earlier }, ctx)
    expect(result.ok && result.value.receivedAt).toBe(earlier)
    expect(problems({ receivedAt: now + 1 })).toEqual([{ field: 'receivedAt', code: 'received-in-future' }])
    expect(problems({ receivedAt: Number.NaN })).toEqual([{ field: 'receivedAt', code: 'received-invalid' }])
  })
})

describe('BB-3 requests from a subscriber in arrears', () => {
  const faultReport: Partial<RequestInput> = { faultReport: true, accountId: 'bb-agreement:7', kind: 'b' }

  it('BB-3: a request that is not a fault report is refused with arrears', () => {
    expect(problems({}, { inArrears: true })).toEqual([{ field: 'customerId', code: 'arrears' }])
    expect(problems({ nature: 'enquiry', complaint: true }, { inArrears: true })).toEqual([{ field: 'customerId', code: 'arrears' }])
  })

  it('BB-3: a fault report is taken in arrears, linked to its account', () => {
    const result = checkRequest({ ...input, ...faultReport }, { ...ctx, inArrears: true })
    expect(result.ok && result.value).toMatchObject({ faultReport: true, accountId: 'bb-agreement:7' })
  })

  it('BB-3: a fault report must name its account, in arrears or not', () => {
    expect(problems({ faultReport: true, accountId: ' ' })).toEqual([{ field: 'accountId', code: 'account-required' }])
    expect(problems({ faultReport: true }, { inArrears: true })).toEqual([{ field: 'accountId', code: 'account-required' }])
  })

  it('BB-3: a subscriber not in arrears may make any request', () => {
    expect(problems({ kind: 'a' }, { inArrears: false })).toEqual([])
  })
})
