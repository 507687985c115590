import { describe, expect, it } from 'vitest'
import { CheckinPage } from './pages/checkin.page'
import { MembersPage } from './pages/members.page'
import { ShellPage } from './pages/shell.page'
import { newContext } from './support/chromium'
import { withLobby } from './support/fixture'
import { connectedDeskTablet, deskJoinsOnSecondTablet } from './support/tablets'

const mondayEvening = new Date('2026-11-30T19:30:00+08:00')

describe('two desk tablets and one member card (ARCHITECTURE "Sync": append-only check-ins)', () => {
  const env = withLobby({ serverPerTest: true })

  it('the same card checked in on two offline tablets gives two check-ins, both kept and flagged for review after sync', async () => {
    const a = await newContext(env.browser)
    await a.clock.setFixedTime(mondayEvening)
    const pageA = await a.newPage()
    const { auth: authA } = await connectedDeskTablet(pageA, env.lobby)
    await authA.go('/members')
    await new MembersPage(pageA).enrolNewPerson({ name: '司马光', phone: '13600002222' }, { tier: 'ordinary', term: 'month', receiptNo: 'R-9' })
    const { memberNo } = await new MembersPage(pageA).summary()
    await new ShellPage(pageA, env.lobby.url).syncNow()

    const { b, pageB, authB } = await deskJoinsOnSecondTablet(env.browser, env.lobby)
    await b.clock.setFixedTime(mondayEvening)
    await authB.go('/checkin')
    const deskB = new CheckinPage(pageB)
    await new ShellPage(pageB, env.lobby.url).syncNow() // B has the member now

    await authA.go('/checkin')
    const deskA = new CheckinPage(pageA)

    // Online, a check-in on A shows on B by itself, well before B's next timed round (30 s): the
    // server's change feed wakes B's sync. Checked out on A, the member leaves B's list the same way.
    await pageA.bringToFront()
    expect((await deskA.scanText(memberNo)).verdict).toBe('admit')
    await deskA.dismiss()
    await pageB.bringToFront()
    await expect.poll(() => deskB.present(), { timeout: 15_000 }).toEqual([memberNo])
    await pageA.bringToFront()
    await pageA.getByTestId('checkout').click()
    await pageB.bringToFront()
    await expect.poll(() => deskB.present(), { timeout: 15_000 }).toEqual([])

    await a.setOffline(true)
    await b.setOffline(true)
    await pageA.bringToFront()
    expect((await deskA.scanText(memberNo)).verdict).toBe('admit')
    await deskA.dismiss()
    await pageB.bringToFront()
    expect((await deskB.scanText(memberNo)).verdict).toBe('admit')
    await deskB.dismiss()
    await a.setOffline(false)
    await b.setOffline(false)

    // After both have synced, each tablet lists the member once as in, and the pair to review.
    for (const page of [pageA, pageB]) {
      await page.bringToFront()
      await expect
        .poll(async () => {
          await new ShellPage(page, env.lobby.url).syncNow()
          return page.getByTestId('checkin-duplicates').count()
        }, { timeout: 60_000 })
        .toBe(1)
      expect(await page.getByTestId('checkin-duplicates').textContent()).toContain(memberNo)
      await expect.poll(() => new CheckinPage(page).present()).toEqual([memberNo])
    }

    // Reviewed on A: the flag goes, on B too after sync; both check-ins stay recorded.
    await pageA.bringToFront()
    await pageA.getByTestId('duplicate-reviewed').click()
    await pageA.getByTestId('checkin-duplicates').waitFor({ state: 'detached' })
    await new ShellPage(pageA, env.lobby.url).syncNow()
    await pageB.bringToFront()
    await expect
      .poll(async () => {
        await new ShellPage(pageB, env.lobby.url).syncNow()
        return pageB.getByTestId('checkin-duplicates').count()
      }, { timeout: 60_000 })
      .toBe(0)
    await a.close()
    await b.close()
  })
})
