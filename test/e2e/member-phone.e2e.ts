import { describe, expect, it } from 'vitest'
import { CheckinPage } from './pages/checkin.page'
import { MemberPhonePage } from './pages/member-phone.page'
import { MemberSigninPanel } from './pages/member-signin.page'
import { MembersPage } from './pages/members.page'
import { newContext, phone } from './support/chromium'
import { withLobby } from './support/fixture'
import { connectedDeskTablet } from './support/tablets'

const mondayEvening = new Date('2026-11-30T19:30:00+08:00')
const password = 'rain on the tin roof 88'

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
    await member.submitSignIn()
    // BB-11: the initial code must be replaced.
    await member.choosePassword('too short')
    expect(await member.problem()).toMatch(/12/)
    await member.choosePassword(password)
    await member.home()
    await expect.poll(() => member.page.getByTestId('self-membership').count(), { timeout: 30_000 }).toBe(1)

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
})
