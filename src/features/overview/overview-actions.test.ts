import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Agreement } from '@/core/broadband/types'
import { defaultReceptionSettings, defaultCategoryIds } from '@/core/reception/defaults'
import { addDaysTo, instantOf } from '@/core/shared/local-date'
import { changeStatus, openAgreement, postEntries, takePayment, type BroadbandContext } from '@/features/broadband/broadband-actions'
import { createBroadbandRecords } from '@/features/broadband/broadband-records'
import { deskOrganisation } from '@/features/members/test-desk'
import { checkOutByHand, registerVisit, type ReceptionContext } from '@/features/reception/reception-actions'
import { createReceptionRecords, type ReceptionRecords } from '@/features/reception/reception-records'
import { openMarkerId } from '@/features/service/service-ids'
import { customer, dispatch, finish, hour, takeRequest } from '@/features/return-visits/test-service'
import { createServiceRecords, type ServiceRecords } from '@/features/service/service-records'
import type { Session } from '@/identity/session'
import type { LobbyDb } from '@/storage/db'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { broadbandFigures, deviceHealth, memberFigures, serviceFigures, visitorsIn } from './overview-actions'

const zone = 'Asia/Shanghai'
const today = '2027-03-15' // a Monday
const at = (day: string, time: string) => instantOf(day, time, zone)
const now = at(today, '10:00')

let storage: LobbyStorage
let db: LobbyDb
let session: Session
let reception: ReceptionRecords
let service: ServiceRecords
let broadband: BroadbandContext

/**
 * One organisation's morning, seeded through each desk's own actions and records, counted by hand:
 * reception: two visitors today, one gone; one from yesterday never checked out (not today's) → 1 in the building.
 * check-in: A in; B came and went; A's month ends in 3 days, C's year does not → 1 in, 1 ending within 7 days.
 * broadband: KD-1's February fee unpaid (due 28 February), KD-2's paid → 1 in arrears, 1 with a dunning step.
 * service: complaints received 08:00 (overdue at 10:00) and 09:30 (30 minutes left), a plain request waiting; jobs
 * finished yesterday 09:00 (due tomorrow) and on Thursday 09:00 (due Sunday: overdue), one closed → 2 and 1, 2 and 1.
 */
beforeAll(async () => {
  const org = await deskOrganisation()
  storage = org.storage
  db = org.db
  session = org.session
  const by = session.userId

  reception = createReceptionRecords(storage.recordContext)
  const rctx = (when: number): ReceptionContext => ({
    records: reception, people: storage.people, audit: storage.audit, settings: defaultReceptionSettings(), org: { timeZone: zone, hours: {}, holidays: [] },
    hosts: [{ userId: by, name: '王经理', active: true }], now: when, userId: by, deviceId: 'tablet-1',
  })
  const visitor = (phone: string, name: string, when: number) =>
    registerVisit(rctx(when), { phone, name, organisation: '华东水务', category: defaultCategoryIds.supplier, purpose: '送货', hostId: by })
  const first = await visitor('13800000001', '张伟', at(today, '08:30'))
  await visitor('13800000002', '李娜', at(today, '09:00'))
  if (!first.ok) throw new Error('visit not registered')
  await checkOutByHand(rctx(at(today, '09:30')), first.visitId)
  await visitor('13800000003', '王芳', at(addDaysTo(today, -1), '16:00'))

  const desk = storage.desk
  const member = async (name: string, start: string, end: string, term: 'month' | 'year') => {
    const id = await desk.members.put({ personId: await storage.people.put({ name, createdAt: '2027-01-01T00:00:00Z' }), memberNo: `M${name}`, cardSerial: 1, createdAt: 0 })
    await desk.ledger.add({ kind: 'fee', memberId: id, at: at(start, '10:00'), tierId: 'ordinary', term, listed: 10000, credit: 0, amount: 10000, start, end, method: 'cash', receiptNo: 'R', by })
    return id
  }
  const a = await member('A', '2027-02-19', '2027-03-18', 'month')
  const b = await member('B', '2027-03-01', '2027-03-31', 'month')
  await member('C', '2027-01-01', '2027-12-31', 'year')
  await desk.checkIns.add({ memberId: a, at: at(today, '08:00'), day: today, deviceId: 'tablet-1', by })
  const bIn = await desk.checkIns.add({ memberId: b, at: at(today, '07:00'), day: today, deviceId: 'tablet-1', by })
  await desk.checkOuts.add({ checkInId: bIn, memberId: b, at: at(today, '08:30'), day: today, by })

  broadband = { records: createBroadbandRecords(storage.recordContext), audit: storage.audit, userId: by }
  const plan = { name: '100M', monthlyFee: 10_000, singlePortFee: 3_000 }
  for (const no of ['KD-1', 'KD-2']) {
    const draft: Omit<Agreement, 'createdAt' | 'createdBy'> = { accountNo: no, accountName: `户 ${no}`, subscriberId: `person:${no}`, plan, cycleStart: '2027-01-01', cycleEnd: '2027-12-31' }
    const id = await openAgreement(broadband, draft, { by, at: at('2027-01-01', '09:00') })
    await changeStatus(broadband, { accountId: id, to: 'active', on: '2027-01-01', at: at('2027-01-01', '09:00'), by, reason: 'service-start' })
    await postEntries(broadband, [{ accountId: id, kind: 'charge', amount: 10_000, on: '2027-02-01', at: at('2027-02-01', '09:00'), by, month: '2027-02', due: '2027-02-28', detail: { kind: 'monthly-fee', run: 'run', monthlyFee: 10_000 } }])
    if (no === 'KD-2') await takePayment(broadband, { accountId: id, kind: 'payment', amount: 10_000, on: '2027-02-20', at: at('2027-02-20', '09:00'), by, channel: 'counter', receiptNo: 'R-2' })
  }

  service = createServiceRecords(storage.recordContext)
  const person = await customer(storage)
  await takeRequest(service, person, at(today, '08:00'), { complaint: true })
  await takeRequest(service, person, at(today, '09:30'), { complaint: true })
  await takeRequest(service, person, at(today, '09:45'))
  const yesterday = await takeRequest(service, person, at('2027-03-14', '07:00'))
  await dispatch(service, yesterday, at('2027-03-14', '07:30'))
  await finish(service, yesterday, at('2027-03-14', '09:00'))
  const thursday = await takeRequest(service, person, at('2027-03-11', '07:00'), { complaint: true })
  await dispatch(service, thursday, at('2027-03-11', '07:30'))
  await finish(service, thursday, at('2027-03-11', '09:00'))
  const closed = await takeRequest(service, person, at('2027-03-10', '07:00'))
  await finish(service, closed, at('2027-03-10', '09:00'))
  await service.closes.add({ requestId: closed, at: at('2027-03-10', '12:00'), by, outcome: 'unreachable' })
  await service.open.remove(openMarkerId(closed))

  await storage.audit.append({ action: 'sync', by, detail: 'https://lobby.example/db' })
}, 300_000)

describe('issue 15 §8: the manager’s day, each figure as its desk reads it', () => {
  it('REC-6: visitors in the building are today’s not checked out', async () => {
    expect(await visitorsIn(reception, today)).toBe(1)
  })

  it('MEM-3, MEM-7: members in, and memberships ending within the desk’s 7 days', async () => {
    expect(await memberFigures(storage, now)).toEqual({ membersIn: 1, ending: 1, days: 7 })
  })

  it('BB-3, BB-4: accounts in arrears and accounts with a dunning step due, from the worklist’s pass', async () => {
    expect(await broadbandFigures(broadband, today)).toEqual({ inArrears: 1, dunningDue: 1 })
  })

  it('SVC-2, SVC-4: complaints waiting (one past its 60 minutes) and return visits due (one past its 72 hours)', async () => {
    expect(await serviceFigures(service, now)).toEqual({ complaintsWaiting: 2, complaintsOverdue: 1, returnVisitsDue: 2, returnVisitsOverdue: 1 })
    // At 08:59:59 the first complaint still had a second of its 60 minutes.
    expect((await serviceFigures(service, at(today, '09:00') - 1)).complaintsOverdue).toBe(0)
  })

  it('CONF-10: each device with its last sync, from its own chain; one never heard to sync stands out', async () => {
    // A second device of the organisation, whose document arrived but which has never synced.
    const [mine] = await storage.devices.list()
    await db.devices.put({ ...mine!, _id: 'device:tech-9:x', deviceId: 'tech-9:x', userId: 'tech-9', by: 'tech-9', registeredAt: '2027-03-01T00:00:00.000Z' })
    const rows = await deviceHealth(storage, session.keyring.auditPrivate!, Date.now() + hour)
    expect(rows.map((r) => [r.deviceId.split(':')[0], r.current, r.healthy, r.lastSync !== undefined])).toEqual([
      ['tech-9', false, false, false],
      [session.userId, true, true, true],
    ])
  })
})
