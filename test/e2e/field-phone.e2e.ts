import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Job, ServiceRequest } from '../../src/core/service/types'
import { createFieldRecords, workIdOf } from '../../src/features/field/field-records'
import { createServiceRecords } from '../../src/features/service/service-records'
import { acceptGrants } from '../../src/identity/key-grants'
import type { Session } from '../../src/identity/session'
import { askForTechRealm, techRealmOutcome } from '../../src/sync/tech-realms'
import type { RunningLobbyServer } from '../support/lobby-server'
import { testDevice } from '../sync/device'
import { addStaff, firstSignIn, foundOrganisation } from '../sync/organisation'
import { FieldPhonePage } from './pages/field-phone.page'
import { axeViolations } from './support/axe'
import { newContext, phone } from './support/chromium'
import { withLobby } from './support/fixture'
import { dumpOriginStorage } from './support/origin-storage'

type Device = ReturnType<typeof testDevice>
const passphrase = 'ladders and a torch in the van 26'

/** A device whose user takes in key grants right after the organisation's database, as the app does. */
const roundWithGrants = async (device: Device, session: Session) => {
  const engine = await device.engineFor(session, undefined, { afterChannel: async (ch) => void (ch.tables.includes('keyrings') && (await acceptGrants(device.storage, session))) })
  const status = await engine.runOnce()
  if (status.state !== 'idle') throw new Error(`round ended ${status.state}: ${status.detail ?? ''}`)
}

const job = (customerName: string, extra: Partial<Job> = {}): Job => ({
  requestId: 'svc-request:r1', customerName, phone: '138 0013 8000', address: '星河花园 3 栋 201', product: '冰箱', model: 'BCD-215',
  spec: '215 L', fault: '不制冷', kind: 'a', complaint: true, dispatchedAt: Date.now() - 3_600_000, ...extra,
})

/**
 * The office, in Node through the app's own functions (as test/sync does): the admin founds the organisation and
 * creates a lead and two technicians, asking the server for each technician's database; the lead's device takes
 * the technicians' keys in, dispatches one job to each and keeps another customer's request in the field realm.
 */
async function office(lobby: RunningLobbyServer) {
  const adminDevice = testDevice(lobby.dbUrl)
  const admin = await foundOrganisation(adminDevice, lobby.admin)
  const lead = await addStaff(adminDevice, lobby.admin, admin, { name: '刘组长', username: 'liu.lead', role: 'lead' })
  const tech = await addStaff(adminDevice, lobby.admin, admin, { name: '张师傅', username: 'zhang.tech', role: 'technician' })
  const other = await addStaff(adminDevice, lobby.admin, admin, { name: '李师傅', username: 'li.tech', role: 'technician' })
  expect((await adminDevice.login(admin.userId, admin.serverPassword!)).ok).toBe(true)
  for (const t of [tech, other]) {
    await askForTechRealm(lobby.dbUrl, { userId: t.userId, by: admin.userId, at: Date.now() }, adminDevice.fetch)
    expect(await techRealmOutcome(lobby.dbUrl, t.userId, { fetchFn: adminDevice.fetch, timeoutMs: 10_000, pauseMs: 100 })).toEqual({ state: 'ready' })
  }
  expect((await (await adminDevice.engineFor(admin)).runOnce()).state).toBe('idle')

  const leadDevice = testDevice(lobby.dbUrl)
  const leadSession = await firstSignIn(leadDevice, lead, 'liu.lead')
  await roundWithGrants(leadDevice, leadSession)
  const records = (techId: string) => createFieldRecords(leadDevice.storage.recordContext, techId)
  const jobId = await records(tech.userId).jobs.put(job('王芳'), 'job:k7Qx2mWn')
  await records(other.userId).jobs.put(job('赵敏', { phone: '139 2222 3333', address: '云杉路 8 号' }), 'job:p3Rt9vLb')
  const elsewhere: ServiceRequest = {
    customerId: 'person:x', address: '银杏巷 12 号', phone: '137 4444 5555', product: '空调', model: 'KFR-35', spec: '', purchasePlace: '', fault: '漏水',
    kind: 'c', nature: 'request', complaint: false, faultReport: false, receivedAt: Date.now(), takenBy: leadSession.userId,
  }
  await createServiceRecords(leadDevice.storage.recordContext).requests.put(elsewhere)
  await roundWithGrants(leadDevice, leadSession)
  return { tech, leadDevice, leadSession, jobId, mine: records(tech.userId), secrets: ['王芳', '138 0013 8000', '星河花园', '赵敏', '139 2222 3333', '云杉路', '银杏巷', '137 4444 5555'] }
}

/** axe (WCAG 2.1 A/AA) finds nothing on the page as it stands. */
async function axeClean(page: Page, label: string): Promise<void> {
  await page.locator('h1').first().waitFor()
  expect(await axeViolations(page), label).toEqual([])
}

describe('the technician\'s phone, offline for a day (issue 15 §4, SVC-3)', () => {
  const env = withLobby({ serverPerTest: true })

  it('syncs its jobs, finishes one offline with a photo and a signature, keeps it through a reload, sends it when online; holds its own realm only; a job the office closed leaves it', { timeout: 300_000 }, async () => {
    const { tech, leadDevice, leadSession, jobId, mine, secrets } = await office(env.lobby)

    const context = await newContext(env.browser, { viewport: phone })
    const field = new FieldPhonePage(await context.newPage(), env.lobby.url)
    await field.firstSignIn('zhang.tech', tech.setupCode, passphrase)
    await field.waitForJob('王芳')
    await field.dismissNotices()
    // Only their own job: the other technician's never reaches this phone.
    expect(await field.page.getByTestId('field-job-row').count()).toBe(1)
    await expect.poll(() => field.jobRow('王芳').getByTestId('field-job-complaint').count()).toBe(1)
    await axeClean(field.page, 'today\'s jobs (zh-CN)')

    // A day in a basement: no network from here on.
    await field.waitForServiceWorkerControl()
    await context.setOffline(true)
    await field.openJob('王芳')
    await axeClean(field.page, 'a new job (zh-CN)')
    await field.switchLanguage('en')
    await axeClean(field.page, 'a new job (en)')
    await field.backToJobs()
    await axeClean(field.page, 'today\'s jobs (en)')
    await field.openJob('王芳')

    expect(await field.start()).toMatch(/^Started at /)
    await field.workDone('Replaced the start relay; the compressor runs and cools.')
    await field.addPart('Start relay', '1')
    await field.charge('120.50')
    // SVC-3: not finished without the customer's signature, and it says so.
    expect(await field.finish()).toEqual(['The customer has not signed yet.'])
    await field.addPhoto(await field.cameraJpeg())
    await field.sign()
    await axeClean(field.page, 'a job with a photo and a signature (en)')
    expect(await field.finish()).toEqual([])
    expect(await field.syncNote()).toMatch(/^Waiting to sync/)
    await axeClean(field.page, 'a finished job (en)')

    // A reload while still offline: the keys are gone, the work is not.
    await field.page.reload()
    await field.signInAgain('zhang.tech', passphrase)
    await field.page.getByTestId('field-finished-at').waitFor({ timeout: 30_000 })
    expect(await field.page.getByTestId('field-work-summary').textContent()).toContain('Replaced the start relay')
    expect(await field.page.getByTestId('field-work-summary').textContent()).toContain('¥120.50')
    expect(await field.page.getByTestId('field-photo').locator('img').count()).toBe(1)
    await field.page.getByTestId('field-signature-image').waitFor()
    expect(await field.syncNote()).toMatch(/^Waiting to sync/)

    // Back online: the round pushes it, and the phone says so.
    await context.setOffline(false)
    await expect.poll(() => field.syncNote(), { timeout: 60_000 }).toMatch(/^Sent/)
    await roundWithGrants(leadDevice, leadSession)
    const work = await mine.work.get(workIdOf(jobId))
    expect(work).toMatchObject({ jobId, workDone: 'Replaced the start relay; the compressor runs and cools.', parts: [{ name: 'Start relay', qty: 1 }], chargeFen: 12_050 })
    expect(work?.finishedAt).toBeGreaterThan(work!.startedAt!)
    expect((await mine.photos.byParent(jobId)).length).toBeGreaterThan(0)
    expect((await mine.signatures.byParent(jobId)).map((s) => s.record.strokes?.length)).toEqual([2])

    // CONF-4: every database of the phone holds sealed records of the technician's own realm and their own audit
    // chain (sealed to the managers), nothing else of anyone's: no field realm, no other technician's; nothing of
    // the sync server or a photo in the Cache API; no customer's details in clear anywhere.
    const facts = await field.storageFacts()
    expect(facts.databases).toEqual(['lobby'])
    expect(facts.realms).toEqual(['audit', `tech:${tech.userId}`])
    expect(facts.auditAuthors.every((by) => by.startsWith(tech.userId))).toBe(true)
    expect(facts.rowsByRealm[`tech:${tech.userId}`]).toBeGreaterThanOrEqual(4)
    expect(facts.cachedUrls.filter((u) => !u.startsWith(env.lobby.url) || new URL(u).pathname.startsWith('/db'))).toEqual([])
    const dump = await dumpOriginStorage(field.page)
    for (const secret of secrets) expect(dump, secret).not.toContain(secret)

    // The office takes the finished job in and closes it: the job leaves the technician's realm, and the phone,
    // still on the job's page, says so after its next round (its live feed watches its own database).
    for (const p of await mine.photos.byParent(jobId)) await mine.photos.remove(p.id)
    for (const s of await mine.signatures.byParent(jobId)) await mine.signatures.remove(s.id)
    await mine.work.remove(workIdOf(jobId))
    await mine.jobs.remove(jobId)
    await roundWithGrants(leadDevice, leadSession)
    await field.page.getByTestId('field-job-closed').waitFor({ timeout: 60_000 })
    await field.backToJobs()
    await field.page.getByTestId('field-no-jobs').waitFor({ timeout: 10_000 })
    await context.close()
  })
})
