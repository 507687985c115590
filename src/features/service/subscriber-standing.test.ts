import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { arrearsAllows } from '@/core/broadband/agreement-check'
import type { Agreement, LedgerEntry } from '@/core/broadband/types'
import { checkRequest } from '@/core/service/request-check'
import { instantOf } from '@/core/shared/local-date'
import { changeStatus, openAgreement, postEntries, type BroadbandContext } from '@/features/broadband/broadband-actions'
import { createBroadbandRecords } from '@/features/broadband/broadband-records'
import { createTestStorage } from '@/storage/testing'
import { accountOfFaultReport, subscriberStanding } from './subscriber-standing'
import { realmKeys } from './service-testing'

const at = instantOf('2027-01-01', '09:00', 'Asia/Shanghai')
let bb: BroadbandContext

beforeEach(async () => {
  const t = createTestStorage()
  t.setKeys(await realmKeys('agent-1', ['accounts']))
  bb = { records: createBroadbandRecords(t.storage.recordContext), audit: { append: async () => undefined }, userId: 'agent-1' }
})

const draft = (accountNo: string): Omit<Agreement, 'createdAt' | 'createdBy'> => ({
  accountNo, accountName: accountNo, subscriberId: 'person:1', plan: { name: '100M', monthlyFee: 10_000, singlePortFee: 3_000 }, cycleStart: '2027-01-01', cycleEnd: '2027-12-31',
})
const charge = (accountId: string): LedgerEntry => ({ accountId, kind: 'charge', amount: 10_000 as never, on: '2027-01-01', at, by: 'agent-1', month: '2027-01', due: '2027-01-31' })

async function subscriberWithCharge() {
  const id = await openAgreement(bb, draft('KD-0001'), { by: 'agent-1', at })
  await changeStatus(bb, { accountId: id, to: 'active', reason: 'service-start', on: '2027-01-01', at, by: 'agent-1' })
  await postEntries(bb, [charge(id)])
  return id
}

describe('BB-3 a subscriber in arrears at the service desk', () => {
  it('BB-3: not in arrears until a charge is past due; then only a fault report is taken, saying why', async () => {
    const id = await subscriberWithCharge()
    expect(await subscriberStanding(bb.records, 'person:1', '2027-01-31')).toEqual({ accounts: [{ id, accountNo: 'KD-0001', status: 'active', overdue: 0 }], inArrears: false, overdue: 0 })
    const owed = await subscriberStanding(bb.records, 'person:1', '2027-02-01')
    expect(owed).toMatchObject({ inArrears: true, overdue: 10_000 })
    expect(arrearsAllows('service-request', owed.inArrears)).toEqual({ allowed: false, reason: 'arrears' })
    expect(arrearsAllows('fault-report', owed.inArrears)).toEqual({ allowed: true })
    const ctx = { now: instantOf('2027-02-01', '10:00', 'Asia/Shanghai'), zone: 'Asia/Shanghai', takenBy: 'agent-1', inArrears: owed.inArrears }
    const input = { customerId: 'person:1', address: 'a', phone: '13800138000', product: '', model: '', spec: '', purchasePlace: '', fault: 'slow', kind: 'c', nature: 'request', complaint: false }
    expect(checkRequest({ ...input, faultReport: false }, ctx)).toMatchObject({ ok: false, problems: [{ field: 'customerId', code: 'arrears' }] })
    expect(checkRequest({ ...input, faultReport: true, accountId: id }, ctx).ok).toBe(true)
  })

  it('BB-3: a payment of what is owed lifts it; a person with no account is never in arrears', async () => {
    const id = await subscriberWithCharge()
    await postEntries(bb, [{ accountId: id, kind: 'payment', amount: 10_000 as never, on: '2027-02-02', at, by: 'agent-1', channel: 'counter', receiptNo: 'R1' }])
    expect((await subscriberStanding(bb.records, 'person:1', '2027-02-03')).inArrears).toBe(false)
    expect(await subscriberStanding(bb.records, 'person:2', '2027-02-03')).toEqual({ accounts: [], inArrears: false, overdue: 0 })
  })

  it('finds a fault report\'s account by its id, or by the number a front desk typed', async () => {
    const id = await subscriberWithCharge()
    expect(await accountOfFaultReport(bb.records, id)).toEqual({ id, accountNo: 'KD-0001' })
    expect(await accountOfFaultReport(bb.records, 'kd-0001')).toEqual({ id, accountNo: 'KD-0001' })
    expect(await accountOfFaultReport(bb.records, 'KD-9999')).toBeUndefined()
  })
})
