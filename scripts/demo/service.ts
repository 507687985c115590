/**
 * Two months of service requests (issue 15 §9), generated from a seed: customers from the directory call the counter
 * or the front desk (SVC-1), a few with a broadband fault report on their own account (BB-3); most are requests for
 * work, some enquiries answered at once. A lead dispatches the work to the technicians (SVC-2): complaints mostly
 * within the hour, a few late, and today one complaint still waits past its hour. Technicians finish jobs a day or
 * two later, with the customer's signature and the work, parts, time and (paid jobs) charge (SVC-3). Each finished
 * job gets its return-visit calls (SVC-4): most customers reached and satisfied, a few late, some unreachable after
 * the set attempts or with a wrong number, and a few problems not solved, reopened and done again. The jobs of the
 * last days are still open: waiting, dispatched, or finished with their return visit due.
 *
 * Pure: the same seed and `now` give the same plan; service-writes.ts writes it through the desks' actions. It names
 * people by plan id (`person-N`, the Nth directory person), accounts as `acct-N` (the Nth broadband agreement),
 * staff by username.
 */
import type { Part, RequestKind, ServiceContact } from '@/core/service/types'
import { addDaysTo, instantOf, localDateOf, weekdayOf } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'
import { mulberry32 } from './people'

export const serviceRequestCount = 200
export const serviceDays = 61

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour

export interface PlannedRequest {
  plan: string
  customer: string
  account?: string
  takenBy: 'agent' | 'desk1' | 'lead'
  receivedAt: number
  kind: RequestKind
  nature: 'request' | 'enquiry'
  complaint: boolean
  faultReport: boolean
  product: string
  model: string
  spec: string
  purchaseDate?: LocalDate
  purchasePlace: string
  fault: string
}

export interface PlannedDispatch { request: string; technician: string; at: number; by: 'lead' | 'manager' }

export interface PlannedJob {
  request: string
  technician: string
  startedAt: number
  finishedAt: number
  workDone: string
  parts: Part[]
  minutes: number
  chargeFen?: number
  signer: string
  /** Strokes of the customer's signature: points [x, y, ms since the first] in CSS px on a 340 × 150 pad. */
  strokes: [number, number, number][][]
}

export interface PlannedCall { request: string; at: number; by: 'agent' | 'lead'; outcome: ServiceContact['outcome']; satisfaction?: number; resolved?: boolean; note?: string }
export interface PlannedClose { request: string; at: number; by: 'agent' | 'lead'; outcome: 'visited' | 'unreachable' }
export interface PlannedReopen { request: string; at: number; by: 'agent' | 'lead'; reason: string }

export interface ServicePlan {
  now: number
  requests: PlannedRequest[]
  dispatches: PlannedDispatch[]
  jobs: PlannedJob[]
  calls: PlannedCall[]
  closes: PlannedClose[]
  reopens: PlannedReopen[]
}

const products: readonly [string, string, string, string][] = [
  ['光猫 Optical modem', 'HG8145V5', 'GPON', '电信营业厅 Telecom shop'],
  ['路由器 Router', 'AX3000', 'Wi-Fi 6', '京东 JD.com'],
  ['机顶盒 Set-top box', 'EC6108V9', '4K', '营业厅 Our counter'],
  ['冰箱 Fridge', 'BCD-470', '470 L', '苏宁 Suning'],
  ['空调 Air conditioner', 'KFR-35GW', '1.5 HP', '国美 Gome'],
  ['洗衣机 Washing machine', 'XQG100', '10 kg', '苏宁 Suning'],
]
const faults = [
  '无法上网 No internet since this morning', '网速很慢 Very slow in the evenings', 'Wi-Fi 信号弱 Weak Wi-Fi upstairs',
  '光猫红灯闪 Modem LOS light blinking', '不制冷 Not cooling', '漏水 Leaking water', '噪音大 Loud noise', '需要移机 Needs moving to another room',
]
const enquiries = ['询问套餐价格 Asks about plan prices', '询问保修期 Asks about the warranty', '询问安装时间 Asks when an installer can come']
const works = ['更换光猫 Replaced the modem', '重新熔接光纤 Re-spliced the fibre', '调整信道 Moved the Wi-Fi channel', '更换温控器 Replaced the thermostat', '清洗排水管 Cleared the drain hose', '紧固支架 Tightened the mounting']
const partsList: readonly Part[][] = [[], [{ name: '光猫 Modem HG8145V5', qty: 1 }], [{ name: '尾纤 Fibre pigtail', qty: 2 }], [{ name: '温控器 Thermostat', qty: 1 }], [{ name: '排水管 Drain hose', qty: 1 }]]
const signers = ['张伟', '王芳', '李娜', '刘洋', '陈静', 'Li Wei', 'Zhang Min']

/** A hand-written-looking signature: a few joined loops, different for each seed. */
function signatureStrokes(rng: () => number): [number, number, number][][] {
  const strokes: [number, number, number][][] = []
  let x = 30
  let t = 0
  for (let s = 0; s < 2 + Math.floor(rng() * 2); s++) {
    const stroke: [number, number, number][] = []
    const loops = 2 + Math.floor(rng() * 3)
    for (let i = 0; i <= loops * 8; i++, t += 16) {
      const angle = (i / 8) * Math.PI * 2
      stroke.push([Math.round((x + i * 3 + Math.cos(angle) * 10) * 10) / 10, Math.round((75 + Math.sin(angle) * (20 + rng() * 15)) * 10) / 10, t])
    }
    strokes.push(stroke)
    x += loops * 26 + 10
    t += 200
  }
  return strokes
}

/**
 * The plan. `people`: how many directory people there are (customers are drawn from them); `accounts`: broadband
 * agreements (`acct-N`) with their subscriber (`person-N`), for fault reports; `technicians`: usernames.
 */
export function generateService(
  seed: number,
  today: LocalDate,
  zone: string,
  people: number,
  accounts: readonly { account: string; customer: string }[],
  technicians: readonly string[],
  count: number = serviceRequestCount,
): ServicePlan {
  const rng = mulberry32(seed ^ 0x5e7c)
  const int = (n: number) => Math.floor(rng() * n)
  const pick = <T>(list: readonly T[]) => list[int(list.length)]!
  // The demo's "now": today at 16:00, so this morning's requests are waiting, dispatched or on the way.
  const now = instantOf(today, '16:00', zone)
  const plan: ServicePlan = { now, requests: [], dispatches: [], jobs: [], calls: [], closes: [], reopens: [] }
  const first = addDaysTo(today, -(serviceDays - 1))
  // Business hours, weekdays busier: a request's day is drawn, then its time between 08:30 and 18:00.
  const receivedTimes: number[] = []
  while (receivedTimes.length < Math.max(0, count - 2)) {
    const d = addDaysTo(first, int(serviceDays))
    if (weekdayOf(d) >= 6 && rng() < 0.5) continue
    const at = instantOf(d, '08:30', zone) + int(570) * minute
    if (at < now - 30 * minute) receivedTimes.push(at)
  }
  receivedTimes.sort((a, b) => a - b)
  // Today: one complaint 95 minutes ago still waiting (overdue, SVC-2), one 20 minutes ago (time left).
  if (count >= 2) receivedTimes.push(now - 95 * minute, now - 20 * minute)

  receivedTimes.forEach((receivedAt, i) => {
    const plan_ = `req-${i}`
    const today2 = i >= receivedTimes.length - 2
    const enquiry = !today2 && rng() < 0.15
    const faultReport = !enquiry && accounts.length > 0 && rng() < 0.2
    const account = faultReport ? int(accounts.length) : undefined
    const [product, model, spec, place] = faultReport ? products[0]! : pick(products)
    const request: PlannedRequest = {
      plan: plan_,
      customer: account !== undefined ? accounts[account]!.customer : `person-${int(people)}`,
      ...(account !== undefined ? { account: accounts[account]!.account } : {}),
      takenBy: rng() < 0.6 ? 'agent' : rng() < 0.7 ? 'desk1' : 'lead',
      receivedAt,
      kind: faultReport ? 'b' : enquiry ? 'c' : pick(['a', 'a', 'b', 'c', 'd'] as const),
      nature: enquiry ? 'enquiry' : 'request',
      complaint: today2 || (!enquiry && rng() < 0.1),
      faultReport,
      product,
      model,
      spec,
      ...(rng() < 0.7 ? { purchaseDate: localDateOf(receivedAt - (30 + int(700)) * day, zone) } : {}),
      purchasePlace: place,
      fault: enquiry ? pick(enquiries) : pick(faults),
    }
    plan.requests.push(request)
    if (enquiry || today2) return
    playRequest(request, 1)
  })

  function playRequest(request: PlannedRequest, round: number, after = request.receivedAt): void {
    const technician = pick(technicians)
    // SVC-2: complaints within the hour, except a few (late); other work within the day.
    const lateComplaint = request.complaint && round === 1 && rng() < 0.25
    const wait = request.complaint ? (lateComplaint ? 65 + int(120) : 5 + int(50)) * minute : (30 + int(600)) * minute
    const dispatchedAt = after + wait
    if (dispatchedAt > now) return
    plan.dispatches.push({ request: request.plan, technician, at: dispatchedAt, by: rng() < 0.85 ? 'lead' : 'manager' })
    // A job takes a day or two to reach; the last days' jobs are still out.
    const startedAt = dispatchedAt + (2 + int(40)) * hour
    const minutes = 30 + int(150)
    const finishedAt = startedAt + minutes * minute
    if (finishedAt > now - 2 * hour) return
    const paid = request.kind === 'a'
    plan.jobs.push({
      request: request.plan, technician, startedAt, finishedAt, workDone: pick(works), parts: pick(partsList), minutes,
      ...(paid ? { chargeFen: (80 + int(12) * 10) * 100 } : {}),
      signer: pick(signers), strokes: signatureStrokes(rng),
    })
    callBack(request, round, finishedAt)
  }

  function callBack(request: PlannedRequest, round: number, finishedAt: number): void {
    // SVC-4: most calls within a day; some later than 72 hours (a breach); the last three days' still due.
    const late = rng() < 0.08
    let at = finishedAt + (late ? 74 + int(30) : 3 + int(40)) * hour
    if (at > now) return
    const by = rng() < 0.8 ? 'agent' : 'lead'
    const roll = rng()
    if (roll < 0.08) {
      // No answer, three times (the setting's default), then closed as unreachable.
      for (let n = 0; n < 3 && at <= now; n++, at += (4 + int(20)) * hour) plan.calls.push({ request: request.plan, at, by, outcome: 'no-answer' })
      if (at <= now) plan.closes.push({ request: request.plan, at, by, outcome: 'unreachable' })
      return
    }
    if (roll < 0.11) {
      plan.calls.push({ request: request.plan, at, by, outcome: 'wrong-contact', note: '空号 Number not in service' })
      plan.closes.push({ request: request.plan, at, by, outcome: 'unreachable' })
      return
    }
    const resolved = round > 1 || rng() > 0.06
    const satisfaction = resolved ? (rng() < 0.7 ? 5 : rng() < 0.8 ? 4 : 3) : 2
    plan.calls.push({ request: request.plan, at, by, outcome: 'reached', satisfaction, resolved, ...(resolved ? {} : { note: '问题仍在 The fault is back' }) })
    plan.closes.push({ request: request.plan, at, by, outcome: 'visited' })
    if (!resolved) {
      plan.reopens.push({ request: request.plan, at, by, reason: '回访时客户反映问题未解决 The customer says the fault is back' })
      playRequest(request, round + 1, at)
    }
  }

  return plan
}

/** What the plan holds, for the demo's summary and its test. */
export function serviceCounts(plan: ServicePlan) {
  return {
    requests: plan.requests.length,
    enquiries: plan.requests.filter((r) => r.nature === 'enquiry').length,
    complaints: plan.requests.filter((r) => r.complaint).length,
    faultReports: plan.requests.filter((r) => r.faultReport).length,
    dispatches: plan.dispatches.length,
    jobs: plan.jobs.length,
    calls: plan.calls.length,
    unreachable: plan.closes.filter((c) => c.outcome === 'unreachable').length,
    reopened: plan.reopens.length,
  }
}
