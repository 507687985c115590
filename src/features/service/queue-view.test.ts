import { describe, expect, it } from 'vitest'
import { requestState } from '@/core/service/request-state'
import { completionOf, dispatchOf, minute, reopenOf, serviceRequest } from '@/core/service/test-fixtures'
import type { ServiceEvents, ServiceRequest, WithId } from '@/core/service/types'
import { boardOf, queueOf } from './queue-view'
import type { FoldedRequest } from './service-actions'

const t0 = Date.parse('2027-03-10T02:00:00Z')
const none: ServiceEvents = { dispatches: [], completions: [], contacts: [], closes: [], reopens: [] }
const folded = (r: WithId<ServiceRequest>, events: Partial<ServiceEvents> = {}): FoldedRequest => {
  const all = { ...none, ...events }
  return { id: r.id, request: r.record, events: all, state: requestState(r.id, all) }
}
const accounts = [
  { userId: 'tech-1', role: 'technician', status: 'active' },
  { userId: 'tech-2', role: 'technician', status: 'deactivated' },
  { userId: 'tech-3', role: 'technician', status: 'active' },
] as const

describe('SVC-2 the dispatch queue', () => {
  it('SVC-2: overdue complaints first, then complaints by deadline, then other requests by arrival; time left in whole minutes', () => {
    const plain = folded(serviceRequest('svc-request:plain', t0 - 120 * minute))
    const soon = folded(serviceRequest('svc-request:soon', t0 - 50 * minute, { complaint: true }))
    const later = folded(serviceRequest('svc-request:later', t0 - 10 * minute, { complaint: true }))
    const over = folded(serviceRequest('svc-request:over', t0 - 61 * minute, { complaint: true }))
    const view = queueOf([plain, later, soon, over], accounts, t0)
    expect(view.waiting.map((r) => r.id)).toEqual(['svc-request:over', 'svc-request:soon', 'svc-request:later', 'svc-request:plain'])
    expect(view.waiting.map((r) => r.standing)).toEqual([
      { status: 'waiting', deadline: t0 - minute, overdue: true, minutesOver: 1 },
      { status: 'waiting', deadline: t0 + 10 * minute, overdue: false, minutesLeft: 10 },
      { status: 'waiting', deadline: t0 + 50 * minute, overdue: false, minutesLeft: 50 },
      { status: 'waiting', deadline: null },
    ])
  })

  it('SVC-2: a dispatch clears the clock; a departed technician\'s jobs are listed to reassign; done requests are not on the queue', () => {
    const a = serviceRequest('svc-request:a', t0 - 70 * minute, { complaint: true })
    const b = serviceRequest('svc-request:b', t0 - 30 * minute)
    const c = serviceRequest('svc-request:c', t0 - 300 * minute)
    const view = queueOf(
      [
        folded(a, { dispatches: [dispatchOf('svc-dispatch:1', a.id, t0 - 5 * minute, 'tech-1')] }),
        folded(b, { dispatches: [dispatchOf('svc-dispatch:2', b.id, t0 - 10 * minute, 'tech-2')] }),
        folded(c, { dispatches: [dispatchOf('svc-dispatch:3', c.id, t0 - 200 * minute)], completions: [completionOf('svc-completion:3', c.id, t0 - 100 * minute)] }),
      ],
      accounts,
      t0,
    )
    expect(view.waiting).toEqual([])
    expect(view.dispatched.map((r) => [r.id, r.technicianId, r.standing])).toEqual([['svc-request:a', 'tech-1', { status: 'dispatched', at: t0 - 5 * minute, deadline: t0 - 10 * minute, late: true }]])
    expect(view.toReassign.map((r) => [r.id, r.technicianId])).toEqual([['svc-request:b', 'tech-2']])
  })

  it('SVC-4: a reopened request waits for dispatch again with its reason', () => {
    const r = serviceRequest('svc-request:r', t0 - 5000 * minute)
    const view = queueOf(
      [folded(r, { dispatches: [dispatchOf('svc-dispatch:1', r.id, t0 - 4000 * minute)], completions: [completionOf('svc-completion:1', r.id, t0 - 3000 * minute)], reopens: [reopenOf('svc-reopen:1', r.id, t0 - minute)] })],
      accounts,
      t0,
    )
    expect(view.waiting.map((w) => [w.status, w.reopenReason])).toEqual([['reopened', 'Still not cooling']])
  })
})

describe('SVC-2 the day board', () => {
  it('SVC-2: per active technician, jobs dispatched, started on the phone and finished today; a finished job not yet taken in says so', () => {
    const a = serviceRequest('svc-request:a', t0 - 60 * minute)
    const b = serviceRequest('svc-request:b', t0 - 50 * minute)
    const c = serviceRequest('svc-request:c', t0 - 40 * minute)
    const d = serviceRequest('svc-request:d', t0 - 30 * minute)
    const open = [
      folded(a, { dispatches: [dispatchOf('svc-dispatch:a', a.id, t0 - 55 * minute, 'tech-1')] }),
      folded(b, { dispatches: [dispatchOf('svc-dispatch:b', b.id, t0 - 45 * minute, 'tech-1')] }),
      folded(c, { dispatches: [dispatchOf('svc-dispatch:c', c.id, t0 - 35 * minute, 'tech-3')] }),
    ]
    const board = boardOf({
      technicians: accounts,
      open,
      work: [
        { requestId: a.id, technicianId: 'tech-1', startedAt: t0 - 20 * minute },
        { requestId: c.id, technicianId: 'tech-3', startedAt: t0 - 20 * minute, finishedAt: t0 - 5 * minute },
      ],
      finishedToday: [completionOf('svc-completion:d', d.id, t0 - 10 * minute, 'tech-3'), completionOf('svc-completion:old', d.id, t0 - 2000 * minute, 'tech-1')],
      requests: new Map([[d.id, d.record]]),
      day: { start: t0 - 600 * minute, end: t0 + 840 * minute },
    })
    expect(board.map((col) => [col.technicianId, col.jobs.map((j) => [j.requestId, j.state, j.waitingToBeTakenIn ?? false])])).toEqual([
      ['tech-1', [['svc-request:a', 'started', false], ['svc-request:b', 'dispatched', false]]],
      ['tech-3', [['svc-request:d', 'finished', false], ['svc-request:c', 'finished', true]]],
    ])
  })
})
