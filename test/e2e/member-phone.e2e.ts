import { describe, expect, it } from 'vitest'
import { CheckinPage } from './pages/checkin.page'
import { MemberPhonePage } from './pages/member-phone.page'
import { MemberSigninPanel } from './pages/member-signin.page'
import { MembersPage } from './pages/members.page'
import { BroadbandJourneyPage } from './pages/broadband-journey.page'
import { newContext, phone, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { agent, agentOnConnectedTablet, connectedDeskTablet } from './support/tablets'
import { dumpOriginStorage } from './support/origin-storage'
import { memberUserId } from '../../src/identity/member-ids'
import { databaseNameFor } from '../../src/sync/remote-names'
import type { Browser, Page } from 'playwright-core'
import { axeViolations } from './support/axe'
import type { RunningLobbyServer } from '../support/lobby-server'

const mondayEvening = new Date('2026-11-30T19:30:00+08:00')
const password = 'rain on the tin roof 88'

/** axe (WCAG 2.1 A/AA) finds nothing on the page as it stands. */
async function axeClean(page: Page, label: string): Promise<void> {
  await page.locator('h1').first().waitFor()
  expect(await axeViolations(page), label).toEqual([])
}

/** A connected desk tablet (front desk signed in) that enrolled `people`, each with a member's page to come back to. */
async function deskWithMembers(env: { browser: Browser; lobby: RunningLobbyServer }, people: { name: string; phone: string }[]) {
  const tablet = await newContext(env.browser)
  await tablet.clock.setFixedTime(mondayEvening)
  const desk = await tablet.newPage()
  const { auth } = await connectedDeskTablet(desk, env.lobby)
  const members: { name: string; phone: string; memberNo: string }[] = []
  for (const [i, person] of people.entries()) {
    await auth.go('/members')
    await new MembersPage(desk).enrolNewPerson(person, { tier: 'ordinary', term: 'month', receiptNo: `R-${i + 20}` })
    members.push({ ...person, memberNo: (await new MembersPage(desk).summary()).memberNo })
  }
  /** Opens a member's page at the desk, through the list. */
  const open = async (memberNo: string) => {
    await auth.go('/members')
    await new MembersPage(desk).openMember(memberNo)
  }
  return { desk, auth, members, open }
}

/** A fresh phone signs in with a code from the desk and chooses its password; ends on the home page, synced. */
async function phoneSignedIn(env: { browser: Browser; lobby: RunningLobbyServer }, link: string, chosen = password): Promise<MemberPhonePage> {
  const context = await newContext(env.browser, { viewport: phone })
  await context.clock.setFixedTime(mondayEvening)
  const member = new MemberPhonePage(await context.newPage(), env.lobby.url)
  await member.openLink(link)
  await member.submitSignIn()
  await member.choosePassword(chosen)
  await member.home()
  await expect.poll(() => member.page.getByTestId('self-membership').count(), { timeout: 30_000 }).toBe(1)
  return member
}

describe('a member on their own phone (issue 14, BB-11, CONF-11)', () => {
  const env = withLobby({ serverPerTest: true })

  it('gets a code at the desk, signs in on a fresh phone, must set a password, shows the card offline, and the desk admits it', async () => {
    const tablet = await newContext(env.browser)
    await tablet.clock.setFixedTime(mondayEvening)
    const desk = await tablet.newPage()
    const { auth } = await connectedDeskTablet(desk, env.lobby)
    await auth.go('/members')
    await new MembersPage(desk).enrolNewPerson({ name: '欧阳修', phone: '13600003333' }, { tier: 'ordinary', term: 'month', receiptNo: 'R-14' })
    const { memberNo } = await new MembersPage(desk).summary()
    const issued = await new MemberSigninPanel(desk).issue()
    expect(issued.name).toBe(memberNo)

    const phoneContext = await newContext(env.browser, { viewport: phone })
    await phoneContext.clock.setFixedTime(mondayEvening)
    const member = new MemberPhonePage(await phoneContext.newPage(), env.lobby.url)
    await member.openLink(issued.link)
    // The code left the address as soon as it was in the form.
    expect(member.page.url()).not.toContain(issued.code)
    await axeClean(member.page, 'member sign-in')
    await member.submitSignIn()
    // BB-11: the initial code must be replaced.
    await member.choosePassword('too short')
    expect(await member.problem()).toMatch(/12/)
    await axeClean(member.page, 'choose a password, with its problem')
    await member.choosePassword(password)
    await member.home()
    await expect.poll(() => member.page.getByTestId('self-membership').count(), { timeout: 30_000 }).toBe(1)
    // Every page of the member's, in both languages.
    for (const locale of ['zh-CN', 'en'] as const) {
      await member.page.getByTestId('member-language').selectOption(locale)
      for (const path of ['/me', '/me/card', '/me/visits', '/me/bills', '/me/notices', '/password']) {
        await member.go(path)
        await member.page.waitForFunction((p) => location.hash === `#${p}`, path)
        await axeClean(member.page, `${path} (${locale})`)
      }
    }

    // The code is used up.
    const again = await newContext(env.browser, { viewport: phone })
    const other = new MemberPhonePage(await again.newPage(), env.lobby.url)
    await other.openLink(issued.link)
    await other.submitSignIn()
    expect(await other.problem()).toMatch(/不正确|not right/)

    // Offline, after a reload: sign in with the password, and the card is there.
    await member.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 })
    await phoneContext.setOffline(true)
    await member.page.reload()
    await member.signIn(issued.name, password)
    await member.home()
    const card = await member.cardPng()

    await desk.bringToFront()
    await auth.go('/checkin')
    expect((await new CheckinPage(desk).scanImage(card)).verdict).toBe('admit')
  })

  it('BB-2, BB-5: the subscriber\'s bill on the phone equals the agent\'s statement to the fen', async () => {
    const counter = await newContext(env.browser, { viewport: tablet })
    await counter.clock.setFixedTime(new Date('2027-02-03T10:00:00+08:00'))
    const page = await counter.newPage()
    const { auth, shell } = await agentOnConnectedTablet(page, env.lobby)
    const desk = new BroadbandJourneyPage(page)
    await auth.go('/broadband')
    await page.getByTestId('broadband-open-link').click()
    await desk.addSubscriber({ name: '陈用户', phone: '13811112222' })
    await desk.fillAgreement({ accountNo: 'KD-2027-0411', accountName: '陈用户宿舍', planName: '100M 校园', monthlyFee: '100', singlePortFee: '30', cycleStart: '2027-01-01', cycleEnd: '2027-12-31' })
    expect(await desk.submitOpen()).toEqual({ opened: true })
    await desk.statusAction('start', '2027-01-10')
    await desk.tab('bill-run')
    await desk.postBillRun('2027-01')
    await desk.postBillRun('2027-02')
    await desk.openAccount('KD-2027-0411')
    await expect.poll(() => desk.balance()).not.toBe('¥0.00')
    expect(await desk.pay({ amount: '40.00', channel: 'counter', receiptNo: 'R-2027-0203' })).toMatchObject({ done: expect.any(String) })
    await shell.syncNow()
    const issued = await new MemberSigninPanel(page).issue()
    expect(issued.name).toBe('KD-2027-0411')

    // The agent's own statement of February (this month, at the counter's clock).
    await page.getByTestId('broadband-statement-link').click()
    await page.waitForURL((u) => u.pathname.endsWith('/statement/2027-02'))
    const counterStatement = await desk.statement()
    // January part-billed from the 10th and February, less ¥40.00 paid: something is owed, to be read the same on the phone.
    expect(counterStatement.closing).not.toBe('¥0.00')

    const phoneContext = await newContext(env.browser, { viewport: phone })
    await phoneContext.clock.setFixedTime(new Date('2027-02-03T18:00:00+08:00'))
    const member = new MemberPhonePage(await phoneContext.newPage(), env.lobby.url)
    await member.openLink(issued.link)
    await member.submitSignIn()
    await member.choosePassword(password)
    await member.home()
    const bill = await member.statement('2027-02')
    await axeClean(member.page, 'statement with a payment')
    expect(bill).toEqual({ opening: counterStatement.opening, debits: counterStatement.debits, credits: counterStatement.credits, closing: counterStatement.closing })
  })

  it('CONF-11: the phone holds nothing of another member or realm, and its session is refused everywhere but its own database', async () => {
    const { desk, members, open } = await deskWithMembers(env, [{ name: '苏轼', phone: '13600004444' }, { name: '欧阳修', phone: '13600003333' }])
    const [other, own] = members as [(typeof members)[0], (typeof members)[0]]
    await open(other.memberNo)
    const otherCode = await new MemberSigninPanel(desk).issue()
    await new MemberSigninPanel(desk).done()
    await open(own.memberNo)
    const ownCode = await new MemberSigninPanel(desk).issue()
    const member = await phoneSignedIn(env, ownCode.link)

    const facts = await member.storageFacts()
    const orgId = facts.orgId
    const ownId = await memberUserId(orgId, ownCode.name)
    const otherId = await memberUserId(orgId, otherCode.name)
    expect(facts.databases).toEqual(['lobby-self'])
    expect(new Set(facts.realms)).toEqual(new Set([`member:${ownId}`]))
    // Device preferences only, and the key PouchDB's feature test leaves (it holds no data).
    expect(facts.localStorageKeys.filter((k) => !k.startsWith('lobby.pref.') && k !== '_pouch_check_localstorage')).toEqual([])
    expect(facts.cachedUrls.filter((u) => new URL(u).pathname.startsWith('/db'))).toEqual([])
    // CONF-1 and CONF-11 together: nothing readable about either member, and nothing of the other at all.
    const dump = await dumpOriginStorage(member.page)
    for (const secret of [other.name, other.phone, other.memberNo, otherId, own.name, own.phone, databaseNameFor(`member:${otherId}`)]) {
      expect(dump, secret).not.toContain(secret)
    }

    const refused = await member.rawStatuses([
      `${databaseNameFor(`member:${otherId}`)}/_all_docs`,
      ...['org', 'directory', 'desk', 'accounts', 'field', 'audit', 'signin', 'public'].map((realm) => `${databaseNameFor(realm)}/_all_docs`),
      '_users/_all_docs',
      '_all_dbs',
    ])
    for (const [path, status] of Object.entries(refused)) expect([401, 403], path).toContain(status)
    expect((await member.rawStatuses([`${databaseNameFor(`member:${ownId}`)}/_all_docs`]))[`${databaseNameFor(`member:${ownId}`)}/_all_docs`]).toBe(200)
  })

  it('BB-11: a forgotten password: a new code at the desk, and the member\'s pages are there again', async () => {
    const { desk, members } = await deskWithMembers(env, [{ name: '欧阳修', phone: '13600003333' }])
    // Enrolment ends on the member's page.
    const first = await new MemberSigninPanel(desk).issue()
    await new MemberSigninPanel(desk).done()
    await phoneSignedIn(env, first.link)

    const second = await new MemberSigninPanel(desk).issue()
    expect(second.name).toBe(first.name)
    expect(second.code).not.toBe(first.code)
    const member = await phoneSignedIn(env, second.link, 'a brand new password 2027')
    await expect.poll(() => member.page.getByTestId('self-membership').innerText()).toContain(members[0]!.memberNo)

    // The forgotten password opens nothing any more.
    const stale = new MemberPhonePage(await (await newContext(env.browser, { viewport: phone })).newPage(), env.lobby.url)
    await stale.open()
    await stale.signIn(first.name, password)
    expect(await stale.problem()).toMatch(/不正确|not right/)
  })

  it('BB-7: a charge within 6 months can be disputed from the phone and the agent sees it; an older one has no button, with the reason', async () => {
    const counter = await newContext(env.browser, { viewport: tablet })
    await counter.clock.setFixedTime(new Date('2026-07-02T10:00:00+08:00'))
    const page = await counter.newPage()
    const { auth, shell } = await agentOnConnectedTablet(page, env.lobby)
    const desk = new BroadbandJourneyPage(page)
    await auth.go('/broadband')
    await page.getByTestId('broadband-open-link').click()
    await desk.addSubscriber({ name: '黄庭坚', phone: '13811113333' })
    await desk.fillAgreement({ accountNo: 'KD-2026-0601', accountName: '黄庭坚寓所', planName: '100M 校园', monthlyFee: '100', singlePortFee: '30', cycleStart: '2026-06-01', cycleEnd: '2027-05-31' })
    expect(await desk.submitOpen()).toEqual({ opened: true })
    await desk.statusAction('start', '2026-06-01')
    // June billed on 2 July 2026 (more than 6 months before the 20th of January), January on 10 January 2027 (not yet
    // due on the 20th: an overdue account takes disputes at the counter only).
    await desk.tab('bill-run')
    await desk.postBillRun('2026-06')
    // Paid, so the account is not in arrears (which would keep disputes to the counter).
    await desk.openAccount('KD-2026-0601')
    expect(await desk.pay({ amount: '100.00', channel: 'counter', receiptNo: 'R-2026-0702' })).toMatchObject({ done: expect.any(String) })
    await auth.idleUntil(counter.clock, new Date('2027-01-10T10:00:00+08:00'), agent.passphrase)
    await desk.tab('bill-run')
    await desk.postBillRun('2027-01')
    await shell.syncNow()
    await desk.openAccount('KD-2026-0601')
    const issued = await new MemberSigninPanel(page).issue()

    const phoneContext = await newContext(env.browser, { viewport: phone })
    await phoneContext.clock.setFixedTime(new Date('2027-01-20T18:00:00+08:00'))
    const member = new MemberPhonePage(await phoneContext.newPage(), env.lobby.url)
    await member.openLink(issued.link)
    await member.submitSignIn()
    await member.choosePassword(password)
    await member.home()
    await member.openStatement('2026-07')
    const old = (await member.disputes()).filter((d) => d.state !== 'closed' || !/非收费|Not a charge/.test(d.text))
    expect(old).toEqual([{ state: 'closed', text: expect.stringMatching(/6 个月|6 months/) }])
    await member.openStatement('2027-01')
    await member.disputeFirstOpen('上个月断网一周，不应全额收费。')

    // At the counter, ten days on: the account page takes in the member's dispute (the rules decide again) and lists it.
    await page.bringToFront()
    await auth.idleUntil(counter.clock, new Date('2027-01-20T10:00:00+08:00'), agent.passphrase)
    await expect
      .poll(async () => {
        await desk.openAccount('KD-2026-0601')
        return desk.disputeStatuses()
      }, { timeout: 60_000 })
      .toHaveLength(1)
  })
})
