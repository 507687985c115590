import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { defaultReceptionSettings } from '@/core/reception/defaults'
import { createOrganisation } from '@/identity/organisation'
import type { Session } from '@/identity/session'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { receptionModule } from './module'
import { createReceptionRecords } from './reception-records'

const cost = { memoryKiB: 19456, iterations: 2, parallelism: 1 }
const founder = { name: '王经理', username: 'admin', passphrase: 'front desk keeps the keys 2026', agreementAccepted: true }
const anySession = {} as Session

/** A device holding the desk realm's key, whose organisation was founded before reception kept settings. */
async function deviceBeforeReception() {
  const t = createTestStorage()
  t.setKeys(await oneRealmKeys('desk:1'))
  return { storage: t.storage, records: createReceptionRecords(t.storage.recordContext) }
}

describe('reception settings exist from the first day (REC-2, REC-3, REC-7)', { timeout: 30_000 }, () => {
  it('REC-2, REC-3, REC-7: founding an organisation stores the default table, acknowledgement minutes and ladders', async () => {
    const t = createTestStorage()
    const org = await createOrganisation(t.storage, founder, cost, [receptionModule.onFounded!])
    if (!org.ok) throw new Error(org.problem)
    t.setKeys(keySourceFrom(org.session.keyring))
    expect(await createReceptionRecords(t.storage.recordContext).settings.get()).toEqual(defaultReceptionSettings())
  })

  it('REC-2: for an organisation founded before, a manager’s first open of a reception page stores the defaults (managers only)', async () => {
    const { storage, records } = await deviceBeforeReception()
    const hook = receptionModule.onFirstOpen!
    expect(hook.permission).toBe('settings.manage')
    expect(await records.settings.get()).toBeUndefined()
    await hook.run({ storage, session: anySession, orgId: 'org-1' })
    expect(await records.settings.get()).toEqual(defaultReceptionSettings())
  })

  it('REC-2: never overwrites a table a manager has saved', async () => {
    const { storage, records } = await deviceBeforeReception()
    const edited = { ...defaultReceptionSettings(), ackMinutes: 9 }
    await records.settings.save(edited)
    await receptionModule.onFirstOpen!.run({ storage, session: anySession, orgId: 'org-1' })
    expect(await records.settings.get()).toEqual(edited)
  })

  it('REC-2: on a device that joined through a sync server, waits for the desk realm (a manager’s table may be on its way)', async () => {
    const { storage, records } = await deviceBeforeReception()
    await storage.syncPort.cursors.set('lobby_org', 12)
    await expect(receptionModule.onFirstOpen!.run({ storage, session: anySession, orgId: 'org-1' })).rejects.toThrow(/desk realm/)
    expect(await records.settings.get()).toBeUndefined()
    await storage.syncPort.cursors.set('lobby_desk', 3)
    await receptionModule.onFirstOpen!.run({ storage, session: anySession, orgId: 'org-1' })
    expect(await records.settings.get()).toEqual(defaultReceptionSettings())
  })
})
