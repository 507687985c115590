import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import type { StaffRole } from '@/core/access/roles'
import { instantOf } from '@/core/shared/local-date'
import { changeStatus, openAgreement, postEntries } from '@/features/broadband/broadband-actions'
import { createBroadbandRecords } from '@/features/broadband/broadband-records'
import { deviceStorageKey } from '@/identity/device-storage'
import type { Session } from '@/identity/session'
import { useSessionStore } from '@/identity/session.store'
import { createTestStorage } from '@/storage/testing'
import { emptyDraft } from './intake-form'
import { useServiceStore } from './service.store'
import { realmKeys } from './service-testing'

const zone = 'Asia/Shanghai'
// 1 February 2027: January's charge fell due on the 31st and is unpaid.
const now = instantOf('2027-02-01', '10:00', zone)
let t: ReturnType<typeof createTestStorage>
let office: ReturnType<typeof useServiceStore>
let session: ReturnType<typeof useSessionStore>
let personId: string
let accountId: string

/** The session of `role` on this device: the office's stores read its role and, for a lead, the technician keys it holds. */
function as(role: StaffRole, userId = `${role}-1`) {
  session.session = { userId, username: userId, role, keyring: { realmKeys: new Map(role === 'lead' ? [['tech:uA:1', {} as CryptoKey]] : []) } } as unknown as Session
}

beforeEach(async () => {
  t = createTestStorage()
  t.setKeys(await realmKeys('u', ['field', 'directory', 'accounts', 'tech:uA']))
  const app = createApp({})
  app.use(createPinia())
  app.provide(deviceStorageKey, { storage: t.storage, setSessionKeys: () => undefined })
  ;[office, session] = app.runWithContext(() => [useServiceStore(), useSessionStore()] as const)
  office.clock.now = () => now
  personId = await t.storage.people.put({ name: '陈用户', phone: '13811112222', address: '港湾路 3 号', createdAt: '2027-01-01T00:00:00Z' })
  const bb = { records: createBroadbandRecords(t.storage.recordContext), audit: { append: async () => undefined }, userId: 'agent-1' }
  const at = instantOf('2027-01-01', '09:00', zone)
  accountId = await openAgreement(bb, { accountNo: 'KD-0001', accountName: '陈用户', subscriberId: personId, plan: { name: '100M', monthlyFee: 10_000, singlePortFee: 3_000 }, cycleStart: '2027-01-01', cycleEnd: '2027-12-31' }, { by: 'agent-1', at })
  await changeStatus(bb, { accountId, to: 'active', reason: 'service-start', on: '2027-01-01', at, by: 'agent-1' })
  await postEntries(bb, [{ accountId, kind: 'charge', amount: 10_000 as never, on: '2027-01-01', at, by: 'agent-1', month: '2027-01', due: '2027-01-31' }])
  await t.storage.signIns.putAccount({ _id: 'account:uA', type: 'account', userId: 'uA', login: 'x', role: 'technician', status: 'active', setup: 'done', createdBy: 'admin', createdAt: '2027-01-01T00:00:00Z' })
})

const draft = (extra: Partial<ReturnType<typeof emptyDraft>> = {}) => ({ ...emptyDraft(), customerId: personId, fault: '没有信号', kind: 'c', ...extra })

describe('the service office store (SVC-1, SVC-2, BB-3)', () => {
  it('SVC-1: a blank phone and address take the customer\'s on file; the form shows them masked only', async () => {
    as('agent')
    const file = await office.customerFile(personId)
    expect(file).toMatchObject({ name: '陈**', phone: '138****2222', hasPhone: true, hasAddress: true, standing: { inArrears: true, overdue: 10_000 } })
    const taken = await office.take(draft({ faultReport: true, accountId }))
    if (!taken.ok) throw new Error(JSON.stringify(taken))
    await office.loadRequest(taken.id)
    expect(office.current?.request).toMatchObject({ phone: '13811112222', address: '港湾路 3 号', faultReport: true, accountId, takenBy: 'agent-1' })
    expect(office.current?.customer).toEqual({ name: '陈**', phone: '138****2222', address: expect.not.stringContaining('3 号') })
  })

  it('BB-3: an agent (who holds the broadband realm) is refused anything but a fault report for a subscriber in arrears, saying what is owed', async () => {
    as('agent')
    expect(await office.take(draft())).toEqual({ ok: false, problems: [{ field: 'customerId', code: 'arrears' }], overdue: 10_000 })
    expect((await office.take(draft({ faultReport: true, accountId }))).ok).toBe(true)
  })

  it('BB-3: the front desk cannot read the ledger, so the request is taken; the lead\'s queue shows the refusal and dispatch refuses it', async () => {
    as('frontdesk')
    expect(await office.customerFile(personId)).not.toHaveProperty('standing')
    const request = await office.take(draft())
    const report = await office.take(draft({ faultReport: true, accountId: 'KD-0001' }))
    if (!request.ok || !report.ok) throw new Error('both should be taken')
    as('lead')
    await office.loadQueue()
    expect(office.arrears).toEqual({ [request.id]: 10_000 })
    expect(office.technicians).toEqual([{ userId: 'uA', name: 'uA', status: 'active', ready: true }])
    expect(await office.dispatch(request.id, 'uA')).toEqual({ ok: false, problems: ['arrears'] })
    expect(await office.dispatch(report.id, 'uA')).toMatchObject({ ok: true })
    await office.loadRequest(report.id)
    expect(office.current?.account).toEqual({ id: accountId, accountNo: 'KD-0001' })
  })

  it('CONF-3: the front desk opens no queue', async () => {
    as('frontdesk')
    await expect(office.loadQueue()).rejects.toThrow()
  })
})
