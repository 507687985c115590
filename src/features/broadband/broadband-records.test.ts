import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { appendOnlyTypes, sharedRealms } from '@/core/access/access-policy'
import { definedRecordTypes, eventTypesOf } from '@/storage/records'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { createBroadbandRecords } from './broadband-records'

describe('broadband records (BB-1, BB-2)', () => {
  it('BB-2: the accounts realm’s events are exactly the policy’s broadband append-only types (the ledger is never edited)', () => {
    expect(eventTypesOf('accounts').sort()).toEqual(appendOnlyTypes.filter((t) => t.startsWith('bb-')).sort())
  })

  it('every broadband type is sealed in the accounts realm, which the front desk does not hold', () => {
    createBroadbandRecords(createTestStorage().storage.recordContext)
    const broadband = [...definedRecordTypes()].filter(([type]) => type.startsWith('bb-'))
    expect(broadband.map(([type]) => type).sort()).toEqual(['bb-agreement', 'bb-dispute', 'bb-dunning', 'bb-duplicate-review', 'bb-ledger', 'bb-notice', 'bb-objection', 'bb-outage', 'bb-status'])
    expect(broadband.every(([, kind]) => kind.realm === 'accounts')).toBe(true)
    expect(sharedRealms.accounts.holders).not.toContain('frontdesk')
  })

  it('CONF-1: a ledger line keeps its account and month out of the stored row (blind slice indexes only)', async () => {
    const t = createTestStorage()
    t.setKeys(await oneRealmKeys('accounts:1'))
    const records = createBroadbandRecords(t.storage.recordContext)
    const id = await records.ledger.add({ accountId: 'bb-agreement:a1', kind: 'charge', amount: 12_345, on: '2026-12-01', at: 0, by: 'u1', month: '2026-12', due: '2026-12-15' })
    const row = JSON.stringify(await t.db.records.get(id))
    for (const clear of ['bb-agreement:a1', '2026-12', '12345']) expect(row).not.toContain(clear)
  })
})
