import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { defaultAgreement } from '@/core/access/agreement'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createTestStorage } from '@/storage/testing'
import { saveOrganisationSettings } from './save-settings'
import { acceptAgreement, agreementDueFor } from '@/identity/agreement-acceptance'
import { completeFirstSignIn } from '@/identity/first-sign-in'
import { createOrganisation } from '@/identity/organisation'
import { signIn } from '@/identity/sign-in'
import { createStaff } from '@/identity/staff-accounts'

const cost = { memoryKiB: 19456, iterations: 2, parallelism: 1 }
const adminPass = 'front desk keeps the keys 2026'
const deskPass = 'tea with milk and no sugar'
const bossPass = 'the manager reads every line'

async function orgWithDeskAndManager() {
  const t = createTestStorage()
  const org = await createOrganisation(t.storage, { name: '王经理', username: 'admin', passphrase: adminPass, agreementAccepted: true, timeZone: 'Europe/Berlin' }, cost)
  if (!org.ok) throw new Error(org.problem)
  t.setKeys(keySourceFrom(org.session.keyring))
  const desk = await createStaff(t.storage, org.session, { name: '李前台', username: 'li.desk', role: 'frontdesk' }, cost)
  const boss = await createStaff(t.storage, org.session, { name: '赵经理', username: 'zhao', role: 'manager' }, cost)
  if (!desk.ok || !boss.ok) throw new Error('staff')
  t.setKeys(undefined)
  const firstSignIn = async (username: string, code: string, passphrase: string) => {
    const first = await signIn(t.storage, username, code)
    if (first.status !== 'setup-required') throw new Error(first.status)
    const done = await completeFirstSignIn(t.storage, first.pending, { passphrase, agreementAccepted: true }, cost)
    if (!done.ok) throw new Error(done.problem)
    return done.session
  }
  const manager = await firstSignIn('zhao', boss.setupCode, bossPass)
  await firstSignIn('li.desk', desk.setupCode, deskPass)
  return { ...t, admin: org.session, manager, deskId: desk.userId }
}

describe('CONF-8 agreement versions at sign-in', { timeout: 30_000 }, () => {
  it('founding saves the organisation settings: no name yet, the founding device\'s zone, the default agreement as version 1', async () => {
    const { storage, admin } = await orgWithDeskAndManager()
    const saved = await storage.orgSettings.get()
    expect([saved?.name, saved?.timeZone, saved?.agreement]).toEqual([
      { 'zh-CN': '', en: '' },
      'Europe/Berlin',
      { version: 1, ...defaultAgreement },
    ])
    expect(await agreementDueFor(storage, admin.userId)).toBe(false)
  })

  it('CONF-8: a new agreement text asks the front desk to accept again at the next sign-in; accepting records the version', async () => {
    const { storage, manager, deskId } = await orgWithDeskAndManager()
    expect(await agreementDueFor(storage, deskId)).toBe(false)
    const { settings } = await storage.orgSettings.read()
    const saved = await saveOrganisationSettings(storage, manager, { ...settings, agreement: { ...settings.agreement, en: 'Keep every member’s data secret, always.' } })
    expect(saved).toEqual({ ok: true, agreementVersion: 2 })
    expect(await agreementDueFor(storage, deskId)).toBe(true)
    expect(await agreementDueFor(storage, manager.userId)).toBe(false) // who wrote it accepted it by saving
    await acceptAgreement(storage, deskId)
    expect(await agreementDueFor(storage, deskId)).toBe(false)
    expect((await storage.signIns.getAccount(deskId))?.agreementVersion).toBe(2)
  })

  it('CONF-8: saving other settings keeps the agreement version: nobody is asked again', async () => {
    const { storage, manager, deskId } = await orgWithDeskAndManager()
    const { settings } = await storage.orgSettings.read()
    expect(await saveOrganisationSettings(storage, manager, { ...settings, timeZone: 'Asia/Tokyo' })).toEqual({ ok: true, agreementVersion: 1 })
    expect(await agreementDueFor(storage, deskId)).toBe(false)
    expect((await storage.orgSettings.get())?.timeZone).toBe('Asia/Tokyo')
  })

  it('issue 9 §4: an admin saves the organisation settings too', async () => {
    const { storage, admin } = await orgWithDeskAndManager()
    const { settings } = await storage.orgSettings.read()
    expect(await saveOrganisationSettings(storage, admin, { ...settings, timeZone: 'Asia/Tokyo' })).toEqual({ ok: true, agreementVersion: 1 })
    expect((await storage.orgSettings.get())?.savedBy).toBe(admin.userId)
  })

  it('refuses a front desk user, and settings with problems, saving nothing', async () => {
    const { storage, manager } = await orgWithDeskAndManager()
    const { settings } = await storage.orgSettings.read()
    const desk = { ...manager, role: 'frontdesk' as const }
    expect(await saveOrganisationSettings(storage, desk, { ...settings, timeZone: 'Asia/Tokyo' })).toEqual({ ok: false, reason: 'not-allowed' })
    expect(await saveOrganisationSettings(storage, manager, { ...settings, timeZone: 'Mars/Olympus' })).toEqual({
      ok: false,
      reason: 'problems',
      problems: [{ path: 'timeZone', problem: 'timezone-invalid' }],
    })
    expect((await storage.orgSettings.get())?.timeZone).toBe(settings.timeZone)
  })
})
