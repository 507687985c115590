import { describe, expect, it } from 'vitest'
import { CheckinPage } from './pages/checkin.page'
import { MembersPage } from './pages/members.page'
import { ShellPage } from './pages/shell.page'
import { newContext } from './support/chromium'
import { withLobby } from './support/fixture'
import type { RunningLobbyServer } from '../support/lobby-server'
import { desk, manager, orgWithStaff } from './support/org-setup'
import { connectedDeskTablet } from './support/tablets'

// Instants in Asia/Shanghai (UTC+8), the organisation's zone.
const mondayEvening = new Date('2026-11-30T19:30:00+08:00') // ordinary members: Mon–Thu 19:00–21:30
const tuesdayLate = new Date('2026-12-01T22:00:00+08:00') // closed; next opening Wednesday 19:00
const member = { name: '欧阳娜娜', phone: '13700001111', idNumber: '110101199001011237' }

describe('check-in at the desk (MEM-3, MEM-8) on a tablet', () => {
  const env = withLobby({ serverPerTest: true })

  it('enrol, pay, show the card, scan its image → admit; outside the hours → refused with the next opening; a forged QR → refused and audited', async () => {
    const context = await newContext(env.browser)
    await context.clock.setFixedTime(mondayEvening)
    const page = await context.newPage()
    const { auth, managerCode } = await orgWithStaff(page, env.lobby.url, { manager: true })

    // Enrolment with payment, through the desk's own screens.
    await auth.go('/members')
    const members = new MembersPage(page)
    await members.enrolNewPerson(member, { tier: 'ordinary', term: 'month', method: 'cash', receiptNo: 'R-001' })
    const summary = await members.summary()
    expect(summary).toMatchObject({ tierId: 'ordinary', start: '2026-11-30', end: '2026-12-29', status: 'active', points: 100 })
    const qr = await members.cardQr()
    expect(qr).toMatch(/^LBY2\.[^.]+\.1\.1\./) // MEM-8: serial 1, signed by the first card key (epoch 1)
    // The card as the member would hold it up: a picture of the card on the member's page, scrolled
    // to the top of the screen (app notices sit at the bottom).
    await page.getByTestId('member-card').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    const cardImage = await page.getByTestId('member-card').screenshot()

    await auth.go('/checkin')
    const checkin = new CheckinPage(page)
    const admitted = await checkin.scanImage(cardImage)
    expect(admitted.verdict).toBe('admit')
    expect(await page.getByTestId('verdict-name').textContent()).toBe('欧阳**')
    await checkin.dismiss()
    await expect.poll(() => checkin.present()).toEqual([summary.memberNo])

    // A second scan the same evening: already in.
    expect((await checkin.scanText(qr)).verdict).toBe('already-checked-in')
    await checkin.dismiss()

    // The next day, after closing: refused, with the next opening in words (Wednesday 19:00).
    // Untouched since Monday, the tablet is locked (CONF-7); the desk unlocks it.
    await auth.idleUntil(context.clock, tuesdayLate, desk.passphrase)
    // The page reads the new day: nobody is in on Tuesday night (the lists do not carry Monday over).
    await expect.poll(() => checkin.present(), { timeout: 30_000 }).toEqual([])
    const late = await checkin.scanText(summary.memberNo)
    expect(late.verdict).toBe('outside-hours')
    expect(late.message).toMatch(/19:00/)
    expect(late.message).toMatch(/周三|12月2日/)
    // Staff may admit anyway, only with a reason (audited).
    await page.getByTestId('override-open').click()
    await page.getByTestId('override-confirm').click() // no reason given: refused, still not admitted
    await page.getByTestId('override-problem').waitFor()
    expect(await page.getByTestId('checkin-verdict').getAttribute('data-verdict')).toBe('outside-hours')
    expect((await checkin.override('会员参加晚间活动，经理同意')).verdict).toBe('admit')
    await checkin.dismiss()

    // A QR that is not ours: the signature fails.
    const [prefix, memberId, , epoch, signature] = qr.split('.')
    const forged = await checkin.scanText(`${prefix}.${memberId}.2.${epoch}.${signature}`)
    expect(forged.verdict).toBe('forged-card')
    expect(await page.getByTestId('override-open').count()).toBe(0)
    await checkin.dismiss()

    // The manager finds the forgery and the override in the audit log.
    await auth.signOut()
    await auth.signIn(manager.username, managerCode!)
    await auth.completeFirstSignIn(manager.passphrase)
    await auth.go('/audit')
    for (const action of ['card.forged', 'checkin.override']) {
      await page.getByTestId('audit-filter-action').selectOption(action)
      await expect.poll(() => page.getByTestId('audit-table').locator('tbody tr').count(), { timeout: 10_000 }).toBe(1)
    }
    await context.close()
  })

  it('works with the network off end to end (enrol, pay, check in), and the records reach the server afterwards', async () => {
    const context = await newContext(env.browser)
    await context.clock.setFixedTime(mondayEvening)
    const page = await context.newPage()
    const { auth } = await connectedDeskTablet(page, env.lobby)

    await context.setOffline(true)
    await auth.go('/members')
    const members = new MembersPage(page)
    await members.enrolNewPerson(member, { tier: 'ordinary', term: 'month', method: 'card', receiptNo: 'POS-7781' })
    const { memberNo } = await members.summary()
    await page.getByTestId('member-card').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    const cardImage = await page.getByTestId('member-card').screenshot()
    await auth.go('/checkin')
    // The QR decoder (ZXing's wasm where the browser has no BarcodeDetector) comes from the service worker's cache.
    const v = await new CheckinPage(page).scanImage(cardImage)
    expect(v.verdict).toBe('admit')
    // Kept on the tablet, and the header says so: offline, with changes waiting.
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid=sync-status]')
      return el?.getAttribute('data-state') === 'offline' && Number(el.getAttribute('data-pending')) > 0
    })

    await context.setOffline(false)
    const shell = new ShellPage(page, env.lobby.url)
    await expect
      .poll(
        async () => {
          await shell.syncNow()
          const docs = await serverDocs(env.lobby, 'lobby_desk')
          return ['member', 'ledger', 'checkin'].map((type) => docs.filter((d) => d.type === type).length)
        },
        { timeout: 60_000 },
      )
      .toEqual([1, 1, 1])
    // Only envelopes on the server: neither the member number nor the receipt nor the person.
    const stored = JSON.stringify(await serverDocs(env.lobby, 'lobby_desk')) + JSON.stringify(await serverDocs(env.lobby, 'lobby_directory'))
    for (const clear of [memberNo, 'POS-7781', member.name, member.phone, member.idNumber]) expect(stored).not.toContain(clear)
    await context.close()
  })
})

async function serverDocs(lobby: RunningLobbyServer, database: string): Promise<{ type?: string }[]> {
  const res = await fetch(`${lobby.url}/db/${database}/_all_docs?include_docs=true`, {
    headers: { Authorization: lobby.adminAuthorization },
  })
  return ((await res.json()) as { rows: { doc: { type?: string } }[] }).rows.map((r) => r.doc)
}

