import { describe, expect, it } from 'vitest'
import { PeoplePage } from './pages/people.page'
import { AuthPage } from './pages/auth.page'
import { ShellPage } from './pages/shell.page'
import { StaffAdminPage } from './pages/staff.page'
import { newContext } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin, desk } from './support/org-setup'
import { connectedDeskTablet, deskJoinsOnSecondTablet } from './support/tablets'

describe('a staff member leaves (CONF-9)', () => {
  const env = withLobby({ serverPerTest: true })

  it('the admin deactivates the front-desk account from the Staff page; their tablet can no longer sync and says why', async () => {
    const a = await newContext(env.browser)
    const pageA = await a.newPage()
    const { auth: authA } = await connectedDeskTablet(pageA, env.lobby)

    // The front-desk user works on their own tablet, synced.
    const { b, pageB, authB } = await deskJoinsOnSecondTablet(env.browser, env.lobby)
    await authB.go('/people')
    await new PeoplePage(pageB).register({ name: '诸葛亮', phone: '13911112222', idNumber: '' })
    await new ShellPage(pageB, env.lobby.url).syncNow()
    // CONF-9: the tablet that joined pinned the organisation's root of trust; Diagnostics shows its fingerprint.
    await authB.go('/diagnostics')
    const fingerprint = /^[0-9A-F]{4}( [0-9A-F]{4}){15}$/
    await expect.poll(async () => (await pageB.getByTestId('root-fingerprint').textContent())?.trim(), { timeout: 30_000 }).toMatch(fingerprint)
    const printB = (await pageB.getByTestId('root-fingerprint').textContent())!.trim()

    // Back on tablet A, the admin deactivates them.
    await pageA.bringToFront()
    await authA.signOut()
    await authA.signIn(admin.username, admin.passphrase)
    await authA.go('/staff')
    // …the same one the admin's Staff page shows.
    await expect.poll(async () => (await pageA.getByTestId('staff-root-fingerprint').textContent()) ?? '', { timeout: 30_000 }).toContain(printB)
    const said = await new StaffAdminPage(pageA).deactivate(desk.name)
    expect(said).toMatch(/已停用|deactivated/)
    expect(said).toMatch(/服务器账户已禁用|server account is disabled/)
    await expect.poll(() => pageA.getByTestId('staff-table').locator('tbody tr').filter({ hasText: desk.name }).textContent()).toMatch(/已停用|Deactivated/)

    // Their tablet's next sync is refused, in words, and nothing it writes reaches the server.
    await pageB.bringToFront()
    await pageB.getByTestId('sync-now').click()
    await expect
      .poll(async () => {
        await pageB.getByTestId('sync-now').click().catch(() => undefined)
        return pageB.getByTestId('sync-status').textContent()
      }, { timeout: 60_000 })
      .toMatch(/已无法同步：它已被停用|can no longer sync: it was deactivated/)
    // A new device cannot even find them: their pre-login document is withdrawn.
    const c = await newContext(env.browser)
    const pageC = await c.newPage()
    await new AuthPage(pageC, env.lobby.url).join(desk.username, desk.passphrase)
    expect(await pageC.getByTestId('form-problem').textContent({ timeout: 60_000 })).toMatch(/登录名或口令不正确|sign-in name or passphrase is not right/)
    await c.close()
    await a.close()
    await b.close()
  })
})
