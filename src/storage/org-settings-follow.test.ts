import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { defaultOrganisationSettings } from '@/core/organisation/defaults'
import type { OrgSettingsRead } from './org-settings.repo'
import { createTestStorage } from './testing'

describe('organisation settings followed as they change (issue 9 §4)', () => {
  it('a save arriving by sync (a manager on another device) reaches a follower without a new sign-in', async () => {
    const { db, storage } = createTestStorage()
    const seen: OrgSettingsRead[] = []
    const stop = storage.orgSettings.follow((read) => seen.push(read))
    await expect.poll(() => seen.length).toBeGreaterThan(0)
    expect(seen.at(-1)!.saved).toBe(false)
    const settings = { ...defaultOrganisationSettings(undefined), idleLockSeconds: { frontdesk: 45, personal: 600 } }
    await storage.orgSettings.found(settings, 'u-admin', '2026-12-07T00:00:00Z')
    await expect.poll(() => seen.at(-1)?.settings.idleLockSeconds.frontdesk).toBe(45)
    // Sync applying another device's save: a plain write of the document, no call through the repository.
    const doc = (await storage.orgSettings.get())!
    await db.table('org').put({ ...doc, idleLockSeconds: { frontdesk: 90, personal: 600 }, _rev: '2-other', _local: undefined })
    await expect.poll(() => seen.at(-1)?.settings.idleLockSeconds.frontdesk).toBe(90)
    stop()
  })
})
