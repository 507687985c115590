/**
 * Writes the two months of service requests (service.ts) through the desks' own actions, each on the device of who
 * does it in the app: the agent, the front desk and the lead take requests (features/service `takeRequest`); the
 * lead dispatches them (`dispatchRequest`, which writes the job into the technician's own realm); each technician,
 * on their own device, starts, records and signs and finishes their jobs (features/field); the lead's device takes
 * the finished jobs in (`takeInFinishedJobs`); the agent and the lead make the return-visit calls (features/return-visits
 * `logCall`, `closeUnreachable`). A reopened request goes round again. Devices sync between the steps, as they would.
 */
import { localDateOf } from '@/core/shared/local-date'
import type { Person } from '@/core/directory/person'
import type { ServiceRequest } from '@/core/service/types'
import { createFieldRecords } from '@/features/field/field-records'
import type { FieldContext } from '@/features/field/job-reads'
import { finishJob, saveWork, signJob, startJob } from '@/features/field/job-writes'
import { closeUnreachable, logCall, type FollowupContext } from '@/features/return-visits/return-visit-actions'
import { dispatchRequest, serviceContext, takeRequest, type ServiceContext } from '@/features/service/service-actions'
import { createServiceRecords } from '@/features/service/service-records'
import { takeInFinishedJobs } from '@/features/service/take-in'
import { acceptGrants } from '@/identity/key-grants'
import type { SignedIn } from './organisation'
import type { PlannedRequest, ServicePlan } from './service'

/** Where the plan's names point: the directory's people, the broadband accounts, the staff by username. */
export interface ServiceDirectory {
  personIds: readonly string[]
  people: readonly Person[]
  accountIds: ReadonlyMap<string, string>
  staff: readonly SignedIn[]
}

const officeOf = (s: SignedIn): ServiceContext =>
  serviceContext({ records: createServiceRecords(s.device.storage.recordContext), recordContext: s.device.storage.recordContext, audit: s.device.storage.audit, userId: s.session.userId })
const fieldOf = (s: SignedIn): FieldContext => ({ records: createFieldRecords(s.device.storage.recordContext, s.session.userId), audit: s.device.storage.audit, userId: s.session.userId })
const followupOf = (s: SignedIn, now: number): FollowupContext => ({ records: createServiceRecords(s.device.storage.recordContext), people: s.device.storage.people, audit: s.device.storage.audit, userId: s.session.userId, now })

const sync = (s: SignedIn) => s.device.sync(s.session)

export async function registerService(plan: ServicePlan, dir: ServiceDirectory, out: (line: string) => void): Promise<void> {
  const who = (username: string) => {
    const s = dir.staff.find((x) => x.spec.username === username)
    if (!s) throw new Error(`the demo has no ${username}`)
    return s
  }
  const lead = who('lead')
  const techs = [...new Set(plan.dispatches.map((d) => d.technician))].map(who)
  const index = (plan: string) => Number(plan.slice(plan.indexOf('-') + 1))

  // SVC-1: every request, taken by who took it, each device synced once it has taken its share.
  const requestIds = new Map<string, string>()
  const timeZone = (await lead.device.storage.orgSettings.read()).settings.timeZone
  for (const taker of ['agent', 'desk1', 'lead'] as const) {
    const mine = plan.requests.filter((r) => r.takenBy === taker)
    const s = who(taker)
    const ctx = officeOf(s)
    for (const r of mine) requestIds.set(r.plan, await takeRequest(ctx, requestOf(r, dir, s.session.userId, timeZone)))
    await sync(s)
  }
  out(`  service: ${plan.requests.length} requests taken by the agent, the front desk and the lead, synced`)

  // The lead's device holds every technician's realm key by a grant: taken in, as the app does after a round.
  await sync(lead)
  await acceptGrants(lead.device.storage, lead.session)
  await sync(lead)

  // Round by round: a reopened request is dispatched again once its first round's return visit has reopened it.
  const rounds = Math.max(1, ...plan.requests.map((r) => plan.dispatches.filter((d) => d.request === r.plan).length))
  for (let round = 0; round < rounds; round++) {
    const nth = <T extends { request: string }>(list: readonly T[]) => {
      const seen = new Map<string, number>()
      return list.filter((x) => {
        const n = seen.get(x.request) ?? 0
        seen.set(x.request, n + 1)
        return n === round
      })
    }
    const dispatches = nth(plan.dispatches)
    const jobs = nth(plan.jobs)
    const office = officeOf(lead)
    const jobIds = new Map<string, string>()
    for (const d of dispatches) {
      const req = plan.requests.find((r) => r.plan === d.request)!
      const techUser = who(d.technician).session.userId
      const customerName = dir.people[index(req.customer)]?.name ?? ''
      const done = await dispatchRequest(office, { requestId: requestIds.get(d.request)!, technician: { userId: techUser, role: 'technician', status: 'active' }, customerName, at: d.at })
      if (!done.ok) throw new Error(`dispatch of ${d.request} refused: ${done.problems.join(', ')}`)
      jobIds.set(d.request, done.jobId)
    }
    await sync(lead)

    // SVC-3: each technician's jobs of this round, on their own device.
    for (const tech of techs) {
      await sync(tech)
      const field = fieldOf(tech)
      for (const j of jobs.filter((x) => x.technician === tech.spec.username)) {
        const jobId = jobIds.get(j.request)!
        await startJob(field, jobId, j.startedAt)
        await saveWork(field, jobId, { workDone: j.workDone, parts: j.parts, minutes: j.minutes, ...(j.chargeFen !== undefined ? { chargeFen: j.chargeFen } : {}) })
        const signed = await signJob(field, jobId, { strokes: j.strokes, width: 340, height: 150, png: '' }, j.signer, j.finishedAt - 60_000)
        if (!signed.ok) throw new Error(`signature on ${j.request} refused: ${signed.problem}`)
        const finished = await finishJob(field, jobId, j.finishedAt)
        if (!finished.ok) throw new Error(`finishing ${j.request} refused: ${finished.problem}`)
      }
      await sync(tech)
    }

    // The lead's device takes the finished jobs in (and closes them in the technicians' realms).
    await sync(lead)
    const taken = await takeInFinishedJobs(officeOf(lead), techs.map((t) => t.session.userId))
    await sync(lead)
    for (const tech of techs) await sync(tech)

    // SVC-4: the calls of this round's jobs, by who made them.
    const finishes = new Map<string, number[]>()
    for (const j of plan.jobs) finishes.set(j.request, [...(finishes.get(j.request) ?? []), j.finishedAt].sort((a, b) => a - b))
    // A round's calls and closes fall between its job's finish and the next round's.
    const ofRound = <T extends { request: string; at: number }>(list: readonly T[]) =>
      list.filter((x) => {
        const fins = finishes.get(x.request) ?? []
        const from = fins[round]
        return from !== undefined && x.at >= from && x.at < (fins[round + 1] ?? Infinity)
      })
    const calls = ofRound(plan.calls)
    const unreachable = ofRound(plan.closes).filter((c) => c.outcome === 'unreachable')
    for (const by of ['agent', 'lead'] as const) {
      const s = who(by)
      await sync(s)
      const steps = [
        ...calls.filter((c) => c.by === by).map((c) => ({ at: c.at, run: () => logCall(followupOf(s, c.at), { requestId: requestIds.get(c.request)!, outcome: c.outcome, ...(c.satisfaction ? { satisfaction: c.satisfaction } : {}), ...(c.resolved !== undefined ? { resolved: c.resolved } : {}), ...(c.note ? { note: c.note } : {}) }) })),
        ...unreachable.filter((c) => c.by === by).map((c) => ({ at: c.at + 1, run: () => closeUnreachable(followupOf(s, c.at), requestIds.get(c.request)!) })),
      ].sort((a, b) => a.at - b.at)
      for (const step of steps) {
        const done = await step.run()
        if (!done.ok) throw new Error(`return visit refused: ${JSON.stringify(done.problems)}`)
      }
      await sync(s)
    }
    out(`  service: round ${round + 1}: ${dispatches.length} dispatched by the lead, ${jobs.length} finished by the technicians (${taken.taken.length} taken in), ${calls.length} return-visit calls`)
  }
}

function requestOf(r: PlannedRequest, dir: ServiceDirectory, takenBy: string, timeZone: string): ServiceRequest {
  const n = Number(r.customer.slice('person-'.length))
  const person = dir.people[n]
  return {
    customerId: dir.personIds[n]!,
    ...(r.account ? { accountId: dir.accountIds.get(r.account)! } : {}),
    address: person?.address ?? '同上 As on file',
    phone: person?.phone ?? '13800000000',
    product: r.product,
    model: r.model,
    spec: r.spec,
    ...(r.purchaseDate && r.purchaseDate <= localDateOf(r.receivedAt, timeZone) ? { purchaseDate: r.purchaseDate } : {}),
    purchasePlace: r.purchasePlace,
    fault: r.fault,
    kind: r.kind,
    nature: r.nature,
    complaint: r.complaint,
    faultReport: r.faultReport,
    receivedAt: r.receivedAt,
    takenBy,
  }
}
