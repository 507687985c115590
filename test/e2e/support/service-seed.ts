// IndexedDB for Node: the lead's second device below keeps its records in fake-indexeddb.
import 'fake-indexeddb/auto'
import type { Agreement } from '@/core/broadband/types'
import { defaultCategoryIds, defaultReceptionSettings } from '@/core/reception/defaults'
import type { ContactOutcome, ServiceRequest } from '@/core/service/types'
import { instantOf } from '@/core/shared/local-date'
import { changeStatus, openAgreement, postEntries, takePayment } from '@/features/broadband/broadband-actions'
import { createBroadbandRecords } from '@/features/broadband/broadband-records'
import { registerVisit } from '@/features/reception/reception-actions'
import { createReceptionRecords } from '@/features/reception/reception-records'
import { openMarkerId } from '@/features/service/service-ids'
import { createServiceRecords } from '@/features/service/service-records'
import { joinFresh } from '../../../scripts/demo/organisation'

const zone = 'Asia/Shanghai'
export const at = (date: string, time: string) => instantOf(date, time, zone)

/**
 * What a lead's day holds on Monday 15 March 2027 at 10:00 (Shanghai), written through the app's own records and
 * desk actions on a second device of the lead (Node, the demo's device: the same storage, sealing and sync code as
 * the browser), then synced to the server for the lead's tablet and the manager's to pull. Counted by hand:
 *
 * The week of Monday 8 March (its report due today 18:00):
 * A complaint (b) Mon 10:00, dispatched in 30 min, finished Tue 12:00, reached Wed (5, solved): visited.
 * B complaint (a) Tue 09:00, dispatched after 61 min, finished Tue 15:00, three unanswered calls Thu: unreachable.
 * S (a) Thu 07:00, finished Thu 09:00, never called: its 72 hours ran out Sun 09:00.
 * D complaint (a) Fri 09:00, never dispatched: overdue.    E enquiry (c) Fri 08:00, waiting.
 * R (a) Sat 08:00, finished Sun 09:00: the return visit the lead's tablet calls three times and closes as unreachable.
 * F (a) received the Thursday before, finished Fri 5 March 10:00, reached Mon 11:00 (3): after its 72 hours.
 * Today: T complaint (a) 09:40, waiting, 20 minutes left.
 * So the week: 4 jobs finished (A, B, S, R), 1 visited (A), 2 unreachable once R is closed (B, R), rate 25%,
 * 2 customers reached (5 and 3: average 4), 2 overdue dispatches (B, D), 2 late return visits (F, S), 4 breaches.
 * Friday's counts: 2 received, 1 enquiry, 1 complaint, requests a 1.
 *
 * The desks, today: a visitor in the building; member A in (their month ends Thursday), member B came and went;
 * broadband KD-1's February fee unpaid (arrears, a dunning notice due), KD-2's paid.
 */
export async function seedLeadsDay(base: string, lead: { name: string; username: string; passphrase: string }) {
  const { device, session } = await joinFresh(base, { ...lead, role: 'lead' })
  const storage = device.storage
  const by = session.userId
  const service = createServiceRecords(storage.recordContext)
  const customer = await storage.people.put({ name: '欧阳修', phone: '13800138000', createdAt: '2027-03-01T00:00:00.000Z' })
  const ids: Record<string, string> = {}

  const take = async (key: string, date: string, time: string, extra: Partial<ServiceRequest>, open = true) => {
    const id = await service.requests.put({
      customerId: customer, address: '东湖路 1 号', phone: '13800138000', product: '冰箱', model: 'BCD-470', spec: '470 升', purchasePlace: '苏宁',
      fault: '不制冷', kind: 'a', nature: 'request', complaint: false, faultReport: false, receivedAt: at(date, time), takenBy: by, ...extra,
    })
    if (open) await service.open.put({ requestId: id }, openMarkerId(id))
    ids[key] = id
  }
  const dispatch = (key: string, date: string, time: string) => service.dispatches.add({ requestId: ids[key]!, technicianId: 'tech-1', at: at(date, time), by })
  const finish = (key: string, date: string, time: string) => {
    const finishedAt = at(date, time)
    const requestId = ids[key]!
    return service.completions.put(
      { requestId, technicianId: 'tech-1', startedAt: finishedAt - 3_600_000, finishedAt, workDone: '更换温控器', parts: [{ name: '温控器', qty: 1 }], minutes: 60, photoIds: [] },
      `svc-completion:${requestId.slice(requestId.indexOf(':') + 1)}`,
    )
  }
  const call = (key: string, date: string, time: string, outcome: ContactOutcome, extra = {}) => service.contacts.add({ requestId: ids[key]!, at: at(date, time), by, outcome, ...extra })
  const close = (key: string, date: string, time: string, outcome: 'visited' | 'unreachable') => service.closes.add({ requestId: ids[key]!, at: at(date, time), by, outcome })

  await take('A', '2027-03-08', '10:00', { complaint: true, kind: 'b' }, false)
  await dispatch('A', '2027-03-08', '10:30')
  await finish('A', '2027-03-09', '12:00')
  await call('A', '2027-03-10', '10:00', 'reached', { satisfaction: 5, resolved: true })
  await close('A', '2027-03-10', '10:00', 'visited')

  await take('B', '2027-03-09', '09:00', { complaint: true }, false)
  await dispatch('B', '2027-03-09', '10:01')
  await finish('B', '2027-03-09', '15:00')
  for (const time of ['10:00', '12:00', '16:00']) await call('B', '2027-03-11', time, 'no-answer')
  await close('B', '2027-03-11', '16:05', 'unreachable')

  await take('S', '2027-03-11', '07:00', {})
  await dispatch('S', '2027-03-11', '07:30')
  await finish('S', '2027-03-11', '09:00')
  await take('D', '2027-03-12', '09:00', { complaint: true })
  await take('E', '2027-03-12', '08:00', { nature: 'enquiry', kind: 'c' })
  await take('R', '2027-03-13', '08:00', { product: '洗衣机', model: 'XQB-80' })
  await dispatch('R', '2027-03-13', '08:30')
  await finish('R', '2027-03-14', '09:00')

  await take('F', '2027-03-04', '08:00', {}, false)
  await dispatch('F', '2027-03-04', '09:00')
  await finish('F', '2027-03-05', '10:00')
  await call('F', '2027-03-08', '11:00', 'reached', { satisfaction: 3, resolved: true })
  await close('F', '2027-03-08', '11:00', 'visited')
  await take('T', '2027-03-15', '09:40', { complaint: true })

  // Reception: a visitor in the building, registered as the register page does.
  const reception = createReceptionRecords(storage.recordContext)
  const visit = await registerVisit(
    {
      records: reception, people: storage.people, audit: storage.audit, settings: (await reception.settings.get()) ?? defaultReceptionSettings(),
      org: (await storage.orgSettings.read()).settings, hosts: [{ userId: by, name: lead.name, active: true }], now: at('2027-03-15', '09:00'), userId: by,
      deviceId: (await storage.deviceIdentity()).deviceId,
    },
    { phone: '13900000001', name: '张伟', organisation: '华东水务', category: defaultCategoryIds.supplier, purpose: '送货', hostId: by },
  )
  if (!visit.ok) throw new Error(`the visit was refused: ${JSON.stringify(visit)}`)

  // Check-in: A in (month ending Thursday), B came and went.
  const desk = storage.desk
  const member = async (name: string, start: string, end: string) => {
    const id = await desk.members.put({ personId: await storage.people.put({ name, createdAt: '2027-01-01T00:00:00.000Z' }), memberNo: `M-${name}`, cardSerial: 1, createdAt: at(start, '09:00') })
    await desk.ledger.add({ kind: 'fee', memberId: id, at: at(start, '10:00'), tierId: 'ordinary', term: 'month', listed: 10000, credit: 0, amount: 10000, start, end, method: 'cash', receiptNo: `R-${name}`, by })
    return id
  }
  const deviceId = (await storage.deviceIdentity()).deviceId
  const memberA = await member('甲', '2027-02-19', '2027-03-18')
  const memberB = await member('乙', '2027-03-01', '2027-03-31')
  await desk.checkIns.add({ memberId: memberA, at: at('2027-03-15', '08:00'), day: '2027-03-15', deviceId, by })
  const bIn = await desk.checkIns.add({ memberId: memberB, at: at('2027-03-15', '07:00'), day: '2027-03-15', deviceId, by })
  await desk.checkOuts.add({ checkInId: bIn, memberId: memberB, at: at('2027-03-15', '08:30'), day: '2027-03-15', by })

  // Broadband: KD-1's February fee unpaid, KD-2's paid.
  const bb = { records: createBroadbandRecords(storage.recordContext), audit: storage.audit, userId: by }
  const plan = { name: '100M', monthlyFee: 10_000, singlePortFee: 3_000 }
  for (const no of ['KD-1', 'KD-2']) {
    const subscriberId = await storage.people.put({ name: `户主${no}`, phone: no === 'KD-1' ? '13900000011' : '13900000012', createdAt: '2027-01-01T00:00:00.000Z' })
    const draft: Omit<Agreement, 'createdAt' | 'createdBy'> = { accountNo: no, accountName: `宿舍 ${no}`, subscriberId, plan, cycleStart: '2027-01-01', cycleEnd: '2027-12-31' }
    const id = await openAgreement(bb, draft, { by, at: at('2027-01-01', '09:00') })
    await changeStatus(bb, { accountId: id, to: 'active', on: '2027-01-01', at: at('2027-01-01', '09:00'), by, reason: 'service-start' })
    await postEntries(bb, [{ accountId: id, kind: 'charge', amount: 10_000, on: '2027-02-01', at: at('2027-02-01', '09:00'), by, month: '2027-02', due: '2027-02-28', detail: { kind: 'monthly-fee', run: 'run', monthlyFee: 10_000 } }])
    if (no === 'KD-2') await takePayment(bb, { accountId: id, kind: 'payment', amount: 10_000, on: '2027-02-20', at: at('2027-02-20', '09:00'), by, channel: 'counter', receiptNo: 'R-KD-2' })
  }

  await device.sync(session)
  return { ids }
}
