import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { ServiceRequest } from '../../src/core/service/types'
import { dispatchRequest, foldedRequest, serviceContext, takeRequest } from '../../src/features/service/service-actions'
import { jobIdFor } from '../../src/features/service/service-ids'
import { createServiceRecords } from '../../src/features/service/service-records'
import { acceptGrants } from '../../src/identity/key-grants'
import type { Session } from '../../src/identity/session'
import { changeOwnServerPassword } from '../../src/sync/server-account'
import { askForTechRealm, techRealmOutcome } from '../../src/sync/tech-realms'
import type { RunningLobbyServer } from '../support/lobby-server'
import { testDevice } from '../sync/device'
import { addStaff, firstSignIn, foundOrganisation } from '../sync/organisation'
import { AuthPage } from './pages/auth.page'
import { FieldPhonePage } from './pages/field-phone.page'
import { ServiceRequestPage } from './pages/service-request.page'
import { axeViolations } from './support/axe'
import { newContext, phone, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { dumpOriginStorage } from './support/origin-storage'

type Device = ReturnType<typeof testDevice>
const passphrase = 'ladders and a torch in the van 26'
const leadPassphrase = 'sixty minutes to dispatch a complaint'

/** A device whose user takes in key grants right after the organisation's database, as the app does. */
const roundWithGrants = async (device: Device, session: Session) => {
  const engine = await device.engineFor(session, undefined, { afterChannel: async (ch) => void (ch.tables.includes('keyrings') && (await acceptGrants(device.storage, session))) })
  const status = await engine.runOnce()
  if (status.state !== 'idle') throw new Error(`round ended ${status.state}: ${status.detail ?? ''}`)
}

/** A customer of the directory and what they called about. */
const customers = {
  wang: { name: '王芳', phone: '138 0013 8000', address: '星河花园 3 栋 201', product: '冰箱', model: 'BCD-215', fault: '不制冷', complaint: true },
  zhao: { name: '赵敏', phone: '139 2222 3333', address: '云杉路 8 号', product: '洗衣机', model: 'XQG-80', fault: '不排水', complaint: false },
  qian: { name: '钱多多', phone: '137 4444 5555', address: '银杏巷 12 号', product: '空调', model: 'KFR-35', fault: '漏水', complaint: false },
}

/**
 * The office, in Node through the app's own functions (as test/sync does): the admin founds the organisation and
 * creates a lead and two technicians, asking the server for each technician's database; the lead's device takes the
 * technicians' keys in, registers three customers in the directory and takes a request from each with the office's
 * actions (SVC-1), dispatches one to each technician (SVC-2: the job goes into that technician's realm) and leaves
 * the third waiting in the field realm.
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
  const leadSession = await firstSignIn(leadDevice, lead, 'liu.lead', leadPassphrase)
  // As the first sign-in page does (organisation-server.ts moveServerPassword): the lead's tablet joins with the passphrase later.
  await changeOwnServerPassword(lobby.dbUrl, lead.userId, leadSession.serverPassword!, leadDevice.fetch)
  expect((await leadDevice.login(lead.userId, leadSession.serverPassword!)).ok).toBe(true)
  await roundWithGrants(leadDevice, leadSession)
  const desk = serviceContext({ records: createServiceRecords(leadDevice.storage.recordContext), recordContext: leadDevice.storage.recordContext, audit: leadDevice.storage.audit, userId: leadSession.userId })
  const take = async (c: (typeof customers)[keyof typeof customers]) => {
    const customerId = await leadDevice.storage.people.put({ name: c.name, phone: c.phone, address: c.address, createdAt: new Date().toISOString() })
    const request: ServiceRequest = {
      customerId, address: c.address, phone: c.phone, product: c.product, model: c.model, spec: '', purchasePlace: '', fault: c.fault,
      kind: 'a', nature: 'request', complaint: c.complaint, faultReport: false, receivedAt: Date.now() - 3_600_000, takenBy: leadSession.userId,
    }
    return takeRequest(desk, request)
  }
  const dispatch = async (requestId: string, technicianId: string, customerName: string) =>
    expect(await dispatchRequest(desk, { requestId, technician: { userId: technicianId, role: 'technician', status: 'active' }, customerName, at: Date.now() - 1_800_000 })).toMatchObject({ ok: true })
  const requestId = await take(customers.wang)
  await dispatch(requestId, tech.userId, customers.wang.name)
  await dispatch(await take(customers.zhao), other.userId, customers.zhao.name)
  await take(customers.qian)
  await roundWithGrants(leadDevice, leadSession)
  const secrets = Object.values(customers).flatMap((c) => [c.name, c.phone, c.address])
  return { tech, leadDevice, leadSession, desk, requestId, jobId: jobIdFor(requestId, 1, tech.userId), secrets }
}

/** axe (WCAG 2.1 A/AA) finds nothing on the page as it stands. */
async function axeClean(page: Page, label: string): Promise<void> {
  await page.locator('h1').first().waitFor()
  expect(await axeViolations(page), label).toEqual([])
}

describe('the technician\'s phone, offline for a day (issue 15 §4, SVC-3): the journey from dispatch to the lead\'s screen', () => {
  const env = withLobby({ serverPerTest: true })

  it('a dispatched job syncs to the phone, is finished offline with a photo and a signature, kept through a reload, sent when online; the lead\'s request page shows it; taken in, it leaves the phone; the phone holds its own realm only', { timeout: 300_000 }, async () => {
    const { tech, leadDevice, leadSession, desk, requestId, jobId, secrets } = await office(env.lobby)

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

    // CONF-4: every database of the phone holds sealed records of the technician's own realm and their own audit
    // chain (sealed to the managers), nothing else of anyone's: no field realm, no other technician's; nothing of
    // the sync server or a photo in the Cache API; no customer's details in clear anywhere.
    const facts = await field.storageFacts()
    expect(facts.databases).toEqual(['lobby'])
    expect(facts.realms).toEqual(['audit', `tech:${tech.userId}`])
    expect(facts.auditAuthors.every((by) => by.startsWith(tech.userId))).toBe(true)
    expect(facts.rowsByRealm[`tech:${tech.userId}`]).toBeGreaterThanOrEqual(4)
    expect(facts.sealedByRealm).toEqual({ [`tech:${tech.userId}`]: facts.rowsByRealm[`tech:${tech.userId}`] })
    expect(facts.cachedUrls.filter((u) => !u.startsWith(env.lobby.url) || new URL(u).pathname.startsWith('/db'))).toEqual([])
    const sealed = await dumpOriginStorage(field.page)
    for (const secret of secrets) expect(sealed, secret).not.toContain(secret)

    // The lead, on a tablet of their own, opens the request (a link to its page; signing in on the way). Their
    // device takes the finished job in (after its sync round, or as the page opens): the page shows the work, the
    // photo and the signature, and the request is done.
    const leadTablet = await newContext(env.browser, { viewport: tablet })
    const leadAuth = new AuthPage(await leadTablet.newPage(), env.lobby.url)
    await leadAuth.join('liu.lead', leadPassphrase)
    await leadAuth.page.getByTestId('signed-in-as').waitFor({ timeout: 60_000 })
    await leadAuth.open(`/service/requests/${requestId}`)
    await leadAuth.signIn('liu.lead', leadPassphrase)
    const request = new ServiceRequestPage(leadAuth.page)
    await request.waitFor()
    await expect
      .poll(() => request.completions(), { timeout: 60_000 })
      .toEqual([{ work: 'Replaced the start relay; the compressor runs and cools.', photos: 1, signed: true }])
    expect(await request.status()).toBe('已完工，待回访')
    expect(await leadAuth.page.getByTestId('service-completion-charge').innerText()).toContain('120.50')
    // The photo is drawn (put back together from its chunks in the field realm), not only an element.
    await expect.poll(() => leadAuth.page.getByTestId('service-completion-photo').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    await axeClean(leadAuth.page, 'the request page with the finished job (zh-CN)')

    // What the lead's device wrote (read, not written, here): the completion in the field realm with the work as the
    // phone recorded it, its photo and the customer's two strokes.
    await expect
      .poll(async () => (await roundWithGrants(leadDevice, leadSession), (await foldedRequest(desk, requestId))?.state.status), { timeout: 30_000 })
      .toBe('done')
    const [completion] = (await foldedRequest(desk, requestId))!.events.completions
    expect(completion?.record).toMatchObject({ requestId, workDone: 'Replaced the start relay; the compressor runs and cools.', parts: [{ name: 'Start relay', qty: 1 }], chargeFen: 12_050 })
    expect(completion!.record.finishedAt).toBeGreaterThan(completion!.record.startedAt)
    expect(completion!.record.photoIds).toHaveLength(1)
    expect((await desk.records.signatures.get(completion!.record.signatureId!))?.strokes?.length).toBe(2)
    expect(await desk.jobs(tech.userId).jobs.get(jobId)).toBeUndefined()

    // Taken in, the job left the technician's realm: the phone, still on the job's page, says so after its next
    // round (its live feed watches its own database); its list is empty; every database of the phone holds no sealed
    // body of that realm any more, and none of the customer's details.
    await field.page.getByTestId('field-job-closed').waitFor({ timeout: 60_000 })
    await field.backToJobs()
    await field.page.getByTestId('field-no-jobs').waitFor({ timeout: 10_000 })
    const after = await field.storageFacts()
    // No record of any realm holds a sealed body any more (the job's rows are deletions now); the audit chain stays.
    expect(after.sealedByRealm).toEqual({})
    expect(after.realms).toContain('audit')
    const dump = await dumpOriginStorage(field.page)
    for (const secret of secrets) expect(dump, secret).not.toContain(secret)
    await leadTablet.close()
    await context.close()
  })
})
