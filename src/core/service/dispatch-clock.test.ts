import { describe, expect, it } from 'vitest'
import { instantOf, localPartsOf } from '@/core/shared/local-date'
import { checkDispatch, dispatchDeadline, dispatchStanding, type TechnicianFacts } from './dispatch-clock'
import { requestState } from './request-state'
import { completionOf, dispatchOf, hour, minute, serviceRequest } from './test-fixtures'

const shanghai = 'Asia/Shanghai'
const second = 1000
const received = instantOf('2027-03-10', '10:00', shanghai)
const complaint = serviceRequest('svc-request:1', received, { complaint: true })
const waitingAt = (now: number) => dispatchStanding(complaint, [], now)

describe('SVC-2 the 60-minute dispatch clock', () => {
  it('SVC-2: a complaint received at 10:00:00 must be dispatched by 11:00:00', () => {
    expect(dispatchDeadline(complaint.record)).toBe(received + 60 * minute)
    expect(localPartsOf(received + 60 * minute, shanghai).time).toBe('11:00')
  })

  it('SVC-2: at 10:00:00, 60 minutes left; one second later, 59 whole minutes', () => {
    expect(waitingAt(received)).toEqual({ status: 'waiting', deadline: received + hour, overdue: false, minutesLeft: 60 })
    expect(waitingAt(received + second)).toMatchObject({ overdue: false, minutesLeft: 59 })
  })

  it('SVC-2: the 60th minute is on time: at 10:59:59 and at 11:00:00 not overdue, 0 minutes left', () => {
    expect(waitingAt(received + hour - second)).toEqual({ status: 'waiting', deadline: received + hour, overdue: false, minutesLeft: 0 })
    expect(waitingAt(received + hour)).toEqual({ status: 'waiting', deadline: received + hour, overdue: false, minutesLeft: 0 })
  })

  it('SVC-2: the 61st minute is overdue: at 11:00:01, 1 minute over; at 11:01:00 still 1; at 11:01:01, 2', () => {
    expect(waitingAt(received + hour + second)).toEqual({ status: 'waiting', deadline: received + hour, overdue: true, minutesOver: 1 })
    expect(waitingAt(received + hour + minute)).toMatchObject({ overdue: true, minutesOver: 1 })
    expect(waitingAt(received + hour + minute + second)).toMatchObject({ overdue: true, minutesOver: 2 })
  })

  it('SVC-2: dispatched at 11:00:00 is on time, at 11:00:01 late, whenever it is looked at', () => {
    const onTime = dispatchStanding(complaint, [dispatchOf('svc-dispatch:1', complaint.id, received + hour)], received + 5 * hour)
    expect(onTime).toEqual({ status: 'dispatched', at: received + hour, deadline: received + hour, late: false })
    const late = dispatchStanding(complaint, [dispatchOf('svc-dispatch:1', complaint.id, received + hour + second)], received + hour + second)
    expect(late).toEqual({ status: 'dispatched', at: received + hour + second, deadline: received + hour, late: true })
  })

  it('SVC-2: the first dispatch is what counts: a later reassignment neither rescues a late one nor spoils an early one', () => {
    const early = dispatchOf('svc-dispatch:2', complaint.id, received + 10 * minute)
    const reassigned = dispatchOf('svc-dispatch:1', complaint.id, received + 2 * hour, 'tech-2')
    expect(dispatchStanding(complaint, [reassigned, early], received + 3 * hour)).toMatchObject({ at: received + 10 * minute, late: false })
    expect(dispatchStanding(complaint, [reassigned], received + 3 * hour)).toMatchObject({ at: received + 2 * hour, late: true })
  })

  it("SVC-2: another request's dispatch does not stop this one's clock", () => {
    const other = dispatchOf('svc-dispatch:9', 'svc-request:2', received + minute)
    expect(dispatchStanding(complaint, [other], received + hour + second)).toMatchObject({ status: 'waiting', overdue: true })
  })

  it('SVC-2: a request that is not a complaint has no clock, waiting or dispatched', () => {
    const plain = serviceRequest('svc-request:3', received)
    expect(dispatchDeadline(plain.record)).toBeNull()
    expect(dispatchStanding(plain, [], received + 10 * hour)).toEqual({ status: 'waiting', deadline: null })
    expect(dispatchStanding(plain, [dispatchOf('svc-dispatch:1', plain.id, received + 9 * hour)], received + 10 * hour)).toEqual({
      status: 'dispatched', at: received + 9 * hour, deadline: null,
    })
  })

  it('SVC-2: across midnight: received 23:30, due 00:30 the next day; at 00:29, 1 minute left', () => {
    const late = serviceRequest('svc-request:4', instantOf('2027-03-10', '23:30', shanghai), { complaint: true })
    const deadline = dispatchDeadline(late.record)!
    expect(localPartsOf(deadline, shanghai)).toMatchObject({ date: '2027-03-11', time: '00:30' })
    expect(dispatchStanding(late, [], instantOf('2027-03-11', '00:29', shanghai))).toMatchObject({ overdue: false, minutesLeft: 1 })
  })

  it('SVC-2: a daylight-saving change does not shorten the clock (Europe/London, spring forward)', () => {
    // 28 March 2027: at 01:00 GMT the clocks go to 02:00 BST. A call at 00:30 is due at 02:30 on the wall clock, 60 real minutes later.
    const london = 'Europe/London'
    const call = serviceRequest('svc-request:5', instantOf('2027-03-28', '00:30', london), { complaint: true })
    const deadline = dispatchDeadline(call.record)!
    expect(deadline - call.record.receivedAt).toBe(hour)
    expect(localPartsOf(deadline, london).time).toBe('02:30')
    expect(dispatchStanding(call, [], instantOf('2027-03-28', '02:29', london))).toMatchObject({ overdue: false, minutesLeft: 1 })
    expect(dispatchStanding(call, [], instantOf('2027-03-28', '02:31', london))).toMatchObject({ overdue: true, minutesOver: 1 })
  })

  it('SVC-2: a daylight-saving change does not lengthen the clock (America/New_York, fall back)', () => {
    // 7 November 2027: 01:00–02:00 happens twice. A call at the first 01:30 (EDT) is due at the second 01:30 (EST).
    const newYork = 'America/New_York'
    const call = serviceRequest('svc-request:6', instantOf('2027-11-07', '01:30', newYork), { complaint: true })
    const deadline = dispatchDeadline(call.record)!
    expect(localPartsOf(deadline, newYork).time).toBe('01:30')
    expect(deadline - call.record.receivedAt).toBe(hour)
    expect(dispatchStanding(call, [], instantOf('2027-11-07', '02:00', newYork))).toMatchObject({ overdue: true, minutesOver: 30 })
  })
})

describe('SVC-2 who may take a job', () => {
  const tech: TechnicianFacts = { userId: 'tech-1', role: 'technician', status: 'active' }
  const waiting = requestState('svc-request:1', {})

  it('SVC-2: an active technician may take a waiting request', () => {
    expect(checkDispatch(tech, waiting)).toEqual([])
  })

  it('SVC-2: a departed technician, or someone who is not a technician, is refused', () => {
    expect(checkDispatch({ ...tech, status: 'deactivated' }, waiting)).toEqual(['technician-departed'])
    expect(checkDispatch({ ...tech, role: 'agent' }, waiting)).toEqual(['not-a-technician'])
  })

  it('SVC-2: a reassignment goes to another technician; to the same one it is refused', () => {
    const dispatched = requestState('svc-request:1', { dispatches: [dispatchOf('svc-dispatch:1', 'svc-request:1', received, 'tech-1')] })
    expect(checkDispatch({ ...tech, userId: 'tech-2' }, dispatched)).toEqual([])
    expect(checkDispatch(tech, dispatched)).toEqual(['same-technician'])
  })

  it('SVC-2: a finished or closed request is not dispatched (reopen it first)', () => {
    const done = requestState('svc-request:1', { completions: [completionOf('svc-completion:1', 'svc-request:1', received + hour)] })
    expect(checkDispatch(tech, done)).toEqual(['request-done'])
    expect(checkDispatch(tech, { ...done, status: 'closed' })).toEqual(['request-closed'])
  })
})
