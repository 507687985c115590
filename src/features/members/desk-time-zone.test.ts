import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createOrganisation } from '@/identity/organisation'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createTestStorage } from '@/storage/testing'
import { membersModule } from './module'
import { loadDeskSnapshot } from './desk-snapshot'

const cost = { memoryKiB: 19456, iterations: 2, parallelism: 1 }

async function foundedIn(timeZone: string) {
  const t = createTestStorage()
  const org = await createOrganisation(t.storage, { name: '王经理', username: 'admin', passphrase: 'front desk keeps the keys 2026', agreementAccepted: true, timeZone }, cost, [membersModule.onFounded!])
  if (!org.ok) throw new Error(org.problem)
  t.setKeys(keySourceFrom(org.session.keyring))
  return t
}

describe("MEM-2: the membership desk reads the organisation's time zone", () => {
  it("takes the organisation's zone over the one the desk stored, and keeps the desk's tier hours", async () => {
    const { storage } = await foundedIn('Europe/Berlin')
    const stored = (await storage.desk.settings.get())!
    expect(stored.timeZone).toBe('Asia/Shanghai')
    const snapshot = await loadDeskSnapshot(storage)
    expect(snapshot.settings.timeZone).toBe('Europe/Berlin')
    expect(snapshot.settings.tiers).toEqual(stored.tiers)
  })

  it('an organisation from before its settings keeps the zone its desk stored', async () => {
    const { storage, db } = await foundedIn('Europe/Berlin')
    await db.org.delete('org-settings')
    await storage.desk.settings.save({ ...(await storage.desk.settings.get())!, timeZone: 'Asia/Tokyo' })
    expect((await loadDeskSnapshot(storage)).settings.timeZone).toBe('Asia/Tokyo')
  })
})
