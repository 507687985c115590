// @vitest-environment node
// Issue 9 §5, CONF-9, MEM-8: one manager signed in on two devices; both rotate the same key at
// once. Each rotation claims its epoch on the sync server first, and the claim names the device:
// the same user on another device does not hold it. Exactly one key per epoch; the device that
// lost waits, and after a sync round rotates on top of the epoch that won (as the realm keys do).
import { describe, expect, it } from 'vitest'
import { ensureDeskSetup } from '../../src/features/members/desk-setup'
import { rotateCardKey } from '../../src/features/members/card-key-rotation'
import { rotateAudit } from '../../src/identity/audit-rotation'
import { acceptGrants } from '../../src/identity/key-grants'
import { rotateRealm } from '../../src/identity/key-rotation'
import type { Session } from '../../src/identity/session'
import { signIn } from '../../src/identity/sign-in'
import { keySourceFrom } from '../../src/storage/keyring-key-source'
import { claimEpochOnServer } from '../../src/sync/epoch-claim'
import { testDevice } from './device'
import { foundOrganisation } from './organisation'
import { eachTestSyncServer } from './sync-server'

type Device = ReturnType<typeof testDevice>

describe('epoch claims name the device (issue 9 §5, CONF-9, MEM-8)', () => {
  const server = eachTestSyncServer()

  /** The founding admin on device A (with the desk set up) and, signed in with the same passphrase, on device B. */
  async function oneAdminTwoDevices() {
    const a = testDevice(server.dbUrl)
    const onA = await foundOrganisation(a, server.admin)
    await ensureDeskSetup(a.storage.desk, (await a.storage.signIns.getOrg())!.orgId)
    expect((await a.login(onA.userId, onA.serverPassword!)).ok).toBe(true)
    expect(await round(a, onA)).toBe('idle')
    const b = testDevice(server.dbUrl)
    expect((await b.login(onA.userId, onA.serverPassword!)).ok).toBe(true)
    await (await b.engineFor(undefined, [])).runOnce()
    const signedIn = await signIn(b.storage, 'admin', 'front desk keeps the keys 2026')
    if (signedIn.status !== 'signed-in') throw new Error(`expected a sign-in, got ${signedIn.status}`)
    b.setKeys(keySourceFrom(signedIn.session.keyring))
    const onB = signedIn.session
    expect(await round(b, onB)).toBe('idle')
    return { a, onA, b, onB }
  }

  /** A sync round that takes in key grants after the org database, as the app does. */
  async function round(device: Device, session: Session) {
    const engine = await device.engineFor(session, undefined, {
      afterChannel: async (ch) => {
        if (ch.tables.includes('keyrings')) await acceptGrants(device.storage, session)
      },
    })
    return (await engine.runOnce()).state
  }

  /** The claim each rotation makes, as this device: the signed-in user and this browser profile. */
  const claimAs = (name: string, device: Device, session: Session, verdicts: string[]) => async (kid: string) => {
    const verdict = await claimEpochOnServer(server.dbUrl, kid, { by: session.userId, device: (await device.storage.deviceIdentity()).deviceId }, device.fetch)
    verdicts.push(`${name} ${kid} ${verdict}`)
    return verdict
  }

  it('CONF-9: a realm key epoch claimed by the user on device A is not theirs on device B', async () => {
    const { a, onA, b, onB } = await oneAdminTwoDevices()
    const verdicts: string[] = []
    expect((await rotateRealm(a.storage, onA, 'desk', '', claimAs('A', a, onA, verdicts)))?.kid).toBe('desk:2')
    expect(await rotateRealm(b.storage, onB, 'desk', '', claimAs('B', b, onB, verdicts))).toBeUndefined()
    // A syncs its grants; B, after its round, holds desk:2 and rotates on top of it.
    expect(await round(a, onA)).toBe('idle')
    expect(await round(b, onB)).toBe('idle')
    expect((await rotateRealm(b.storage, onB, 'desk', '', claimAs('B', b, onB, verdicts)))?.kid).toBe('desk:3')
    expect(verdicts).toEqual(['A desk:2 claimed', 'B desk:2 taken', 'B desk:3 claimed'])
  })

  it('CONF-9: two devices rotating the audit key at once: one audit:2, the other waits and then mints audit:3', async () => {
    const { a, onA, b, onB } = await oneAdminTwoDevices()
    const verdicts: string[] = []
    expect((await rotateAudit(a.storage, onA, '', claimAs('A', a, onA, verdicts)))?.kid).toBe('audit:2')
    expect(await rotateAudit(b.storage, onB, '', claimAs('B', b, onB, verdicts))).toBeUndefined()
    expect(await round(a, onA)).toBe('idle')
    expect(await round(b, onB)).toBe('idle')
    expect((await rotateAudit(b.storage, onB, '', claimAs('B', b, onB, verdicts)))?.kid).toBe('audit:3')
    expect(verdicts).toEqual(['A audit:2 claimed', 'B audit:2 taken', 'B audit:3 claimed'])
    expect(await round(b, onB)).toBe('idle')
    expect(await round(a, onA)).toBe('idle')
    // One public key per audit epoch, on both devices.
    for (const device of [a, b]) {
      const kids = (await device.storage.grants.auditKeys()).map((k) => k.kid).sort()
      expect(kids).toEqual(['audit:2', 'audit:3'])
    }
  })

  it('MEM-8: two devices rotating the card key at once: one key of epoch 2, the other waits and then makes epoch 3', async () => {
    const { a, onA, b, onB } = await oneAdminTwoDevices()
    const verdicts: string[] = []
    expect(await rotateCardKey(a.storage, onA, Date.now(), claimAs('A', a, onA, verdicts))).toBe(2)
    expect(await rotateCardKey(b.storage, onB, Date.now(), claimAs('B', b, onB, verdicts))).toBe('waiting')
    expect(await round(a, onA)).toBe('idle')
    expect(await round(b, onB)).toBe('idle')
    expect(await rotateCardKey(b.storage, onB, Date.now(), claimAs('B', b, onB, verdicts))).toBe(3)
    expect(verdicts).toEqual(['A card-key:2 claimed', 'B card-key:2 taken', 'B card-key:3 claimed'])
    expect(await round(b, onB)).toBe('idle')
    expect(await round(a, onA)).toBe('idle')
    for (const device of [a, b]) {
      const keys = await device.storage.desk.cardKeys.list()
      expect(keys.map((k) => k.epoch)).toEqual([1, 2, 3])
      expect(new Set(keys.map((k) => k.privateJwk.d)).size).toBe(3)
    }
    expect(await a.db.quarantine.count()).toBe(0)
  })
})
