import { describe, expect, it } from 'vitest'
import { AuthPage } from './pages/auth.page'
import { ReceptionPage } from './pages/reception.page'
import { ShellPage } from './pages/shell.page'
import { axeViolations } from './support/axe'
import { newContext, phone } from './support/chromium'
import { withLobby } from './support/fixture'
import { desk as deskUser, manager } from './support/org-setup'
import { connectedDeskTablet } from './support/tablets'

const mondayMorning = new Date('2026-12-07T10:00:00+08:00')
const visitor = { phone: '13812345678', name: '张伟明', organisation: '华东水务', purpose: '送桶装水' }
const second = { phone: '13698765432', name: '周家长', organisation: '', purpose: '家长会' }

describe('REC-3: the host is told on their own device and acknowledges; the desk sees it, or is reminded to chase', () => {
  const env = withLobby({ serverPerTest: true })

  // Two devices, an organisation set up through the server and a first sign-in on each: longer than one page's test.
  it('the host on a second device gets the notice and acknowledges it; with their device offline, the desk is reminded after the set time', { timeout: 240_000 }, async () => {
    const desk = await newContext(env.browser)
    await desk.clock.setFixedTime(mondayMorning)
    const page = await desk.newPage()
    const { managerCode } = await connectedDeskTablet(page, env.lobby, { manager })

    // The host (a manager) signs in for the first time on their own phone: their keys are certified, so they can be told.
    const host = await newContext(env.browser, { viewport: phone })
    const hostPage = await host.newPage()
    const hostAuth = new AuthPage(hostPage, env.lobby.url)
    await hostAuth.join(manager.username, managerCode!)
    await hostAuth.completeFirstSignIn(manager.passphrase)
    const hostShell = new ShellPage(hostPage, env.lobby.url)
    await hostShell.syncNow()
    await hostAuth.go('/notices')
    await hostPage.getByTestId('notices-none').waitFor()

    // The desk registers a visitor for them.
    const shell = new ShellPage(page, env.lobby.url)
    await shell.syncNow()
    const auth = new AuthPage(page, env.lobby.url)
    await auth.go('/reception')
    const reception = new ReceptionPage(page)
    await reception.lookUp(visitor.phone)
    await reception.fill({ ...visitor, category: 'supplier', host: manager.name })
    await reception.submit()
    const told = page.getByTestId('reception-registered').getByTestId('host-told')
    // Sent with the next round (the write wakes one); then the desk waits for the answer.
    await expect.poll(() => told.getAttribute('data-state'), { timeout: 60_000 }).toBe('waiting')

    // The host's device has it within seconds, without anyone pressing sync there: the name as the visitor gave it.
    await hostPage.getByTestId('notices-list').waitFor({ timeout: 45_000 })
    expect(await hostPage.getByTestId('notices-list').textContent()).toContain(visitor.name)
    expect(await axeViolations(hostPage)).toEqual([])
    await hostPage.getByTestId('notice-acknowledge').click()
    await hostPage.getByTestId('notices-none').waitFor()

    // …and the desk sees the answer within seconds, by name.
    await expect.poll(() => told.getAttribute('data-state'), { timeout: 30_000 }).toBe('acknowledged')
    expect(await told.textContent()).toContain(manager.name)

    // The host's phone goes offline; the next visitor's notice is not answered, and after 5 minutes the desk is asked to chase.
    await host.setOffline(true)
    await reception.lookUp(second.phone)
    await reception.fill({ ...second, category: 'parent', host: manager.name })
    await reception.submit()
    await expect.poll(() => told.getAttribute('data-state'), { timeout: 60_000 }).toBe('waiting')
    // Five quiet minutes lock a front-desk tablet (CONF-7: 2 minutes); the reminder is there once it is unlocked.
    await auth.idleUntil(desk.clock, new Date(mondayMorning.getTime() + 5 * 60_000 + 1_000), deskUser.passphrase)
    // Every reception page says whom to call, by name; the in-building list says it beside the visitor.
    await page.getByTestId('reception-chase').waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('chase-item').allTextContents()).toEqual([expect.stringContaining(manager.name)])
    await reception.tab('in-building')
    const row = page.getByTestId('in-building-row').filter({ hasText: '周**' })
    await expect.poll(() => row.getByTestId('host-told').getAttribute('data-state'), { timeout: 30_000 }).toBe('chase')
    expect(await row.getByTestId('host-told').textContent()).toContain(manager.name)
    await expect.poll(() => page.getByTestId('in-building-row').filter({ hasText: '张**' }).getByTestId('host-told').getAttribute('data-state')).toBe('acknowledged')
    expect(await axeViolations(page)).toEqual([])
    await host.close()
    await desk.close()
  })
})
