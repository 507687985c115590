// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { dispatchStandingOf } from '@/core/service/dispatch-clock'
import { requestState } from '@/core/service/request-state'
import { checkSignature } from '@/core/service/signature'
import type { ServiceEvents } from '@/core/service/types'
import { demoToday } from '../../scripts/demo/members'
import { generateService, serviceCounts, serviceRequestCount, type ServicePlan } from '../../scripts/demo/service'

const zone = 'Asia/Shanghai'
const accounts = Array.from({ length: 300 }, (_, i) => ({ account: `acct-${i}`, customer: `person-${i * 3}` }))
const plan = generateService(2026, demoToday, zone, 2000, accounts, ['tech', 'tech2'])

/** The plan's events for one request, as the desk's records would hold them (ids by plan order). */
function eventsOf(p: ServicePlan, request: string): Partial<ServiceEvents> {
  return {
    dispatches: p.dispatches.filter((d) => d.request === request).map((d, i) => ({ id: `svc-dispatch:${request}-${i}`, record: { requestId: request, technicianId: d.technician, at: d.at, by: d.by } })),
    completions: p.jobs.filter((j) => j.request === request).map((j, i) => ({
      id: `svc-completion:${request}-${i}`,
      record: { requestId: request, technicianId: j.technician, startedAt: j.startedAt, finishedAt: j.finishedAt, workDone: j.workDone, parts: j.parts, minutes: j.minutes, photoIds: [], ...(j.chargeFen ? { chargeFen: j.chargeFen } : {}) },
    })),
    contacts: p.calls.filter((c) => c.request === request).map((c, i) => ({ id: `svc-contact:${request}-${i}`, record: { requestId: request, at: c.at, by: c.by, outcome: c.outcome, ...(c.satisfaction ? { satisfaction: c.satisfaction } : {}), ...(c.resolved !== undefined ? { resolved: c.resolved } : {}) } })),
    closes: p.closes.filter((c) => c.request === request).map((c, i) => ({ id: `svc-close:${request}-${i}`, record: { requestId: request, at: c.at, by: c.by, outcome: c.outcome } })),
    reopens: p.reopens.filter((r) => r.request === request).map((r, i) => ({ id: `svc-reopen:${request}-${i}`, record: { requestId: request, at: r.at, by: r.by, reason: r.reason } })),
  }
}

describe('the demo’s two months of service requests (issue 15 §9)', () => {
  it('is the same plan for the same seed and day', () => {
    expect(generateService(2026, demoToday, zone, 2000, accounts, ['tech', 'tech2'])).toEqual(plan)
    expect(generateService(7, demoToday, zone, 2000, accounts, ['tech', 'tech2'])).not.toEqual(plan)
  })

  it('holds 200 requests over two months with dispatches, finished jobs, return visits, unreachable and reopened ones', () => {
    const c = serviceCounts(plan)
    expect(c.requests).toBe(serviceRequestCount)
    expect(c.enquiries).toBeGreaterThan(10)
    expect(c.complaints).toBeGreaterThan(5)
    expect(c.faultReports).toBeGreaterThan(10)
    expect(c.jobs).toBeGreaterThan(100)
    expect(c.unreachable).toBeGreaterThan(2)
    expect(c.reopened).toBeGreaterThan(0)
    expect(plan.requests.every((r) => r.receivedAt <= plan.now)).toBe(true)
  })

  it('SVC-2: a few complaints were dispatched late, and today one still waits past its hour while another has time left', () => {
    const standings = plan.requests
      .filter((r) => r.complaint)
      .map((r) => dispatchStandingOf({ ...r, customerId: r.customer, address: '', phone: '', takenBy: r.takenBy }, plan.dispatches.find((d) => d.request === r.plan)?.at, plan.now))
    expect(standings.filter((s) => s.status === 'dispatched' && s.deadline !== null && s.late).length).toBeGreaterThan(0)
    expect(standings.filter((s) => s.status === 'waiting' && s.deadline !== null && s.overdue)).toHaveLength(1)
    expect(standings.filter((s) => s.status === 'waiting' && s.deadline !== null && !s.overdue)).toHaveLength(1)
  })

  it('SVC-2, SVC-4: every request folds cleanly (no event the rules would ignore), to each status', () => {
    const statuses = new Map<string, number>()
    for (const r of plan.requests) {
      if (r.nature === 'enquiry') continue
      const state = requestState(r.plan, eventsOf(plan, r.plan))
      expect(state.history.filter((h) => !h.applied), r.plan).toEqual([])
      statuses.set(state.status, (statuses.get(state.status) ?? 0) + 1)
    }
    for (const status of ['waiting', 'dispatched', 'done', 'closed']) expect(statuses.get(status), status).toBeGreaterThan(0)
  })

  it('SVC-3: every finished job carries a signature the pad would take, and a paid job its charge', () => {
    for (const job of plan.jobs) {
      expect(checkSignature(job.strokes).ok, job.request).toBe(true)
      const kind = plan.requests.find((r) => r.plan === job.request)!.kind
      expect(job.chargeFen !== undefined, job.request).toBe(kind === 'a')
    }
  })
})
