import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { BroadbandPage } from './pages/broadband.page'
import { ShellPage } from './pages/shell.page'
import { StaffAdminPage } from './pages/staff.page'
import { newContext } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin, desk } from './support/org-setup'
import { connectedDeskTablet, deskJoinsOnSecondTablet } from './support/tablets'

const agent = { name: '孙宽带', username: 'sun.agent', passphrase: 'broadband at the counter 2027' }

/** What this device holds of a realm: rows of the `records` table, and the names of the local PouchDB databases. */
async function deviceHolds(page: Page, realm: string): Promise<{ records: number; pouchNames: string[] }> {
  return page.evaluate(async (wanted) => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '')
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('lobby')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const rows = await new Promise<{ realm?: string }[]>((resolve, reject) => {
      const r = db.transaction('records').objectStore('records').getAll()
      r.onsuccess = () => resolve(r.result as { realm?: string }[])
      r.onerror = () => reject(r.error)
    })
    db.close()
    return { records: rows.filter((row) => row.realm === wanted).length, pouchNames: names.filter((n) => n.includes(wanted)) }
  }, realm)
}

describe('CONF-3: the broadband desk is for agents, never the front desk (issue 12)', () => {
  const env = withLobby({ serverPerTest: true })

  it('a front-desk user finds no way in (no nav entry, no card, the URL refused) and holds no accounts data after sync; an agent reaches it', async () => {
    // Tablet A: the front desk set up and synced; then the admin adds an agent, who opens an account and syncs it.
    const context = await newContext(env.browser)
    const page = await context.newPage()
    const { auth } = await connectedDeskTablet(page, env.lobby)
    await auth.signOut()
    await auth.signIn(admin.username, admin.passphrase)
    await page.getByTestId('signed-in-as').waitFor()
    await auth.go('/staff')
    const code = await new StaffAdminPage(page).create({ name: agent.name, username: agent.username, role: 'agent' })
    const shell = new ShellPage(page, env.lobby.url)
    await shell.syncNow()
    await auth.signOut()
    await auth.signIn(agent.username, code)
    await auth.completeFirstSignIn(agent.passphrase)

    // The agent reaches the desk by its nav entry and card, and opens an account there.
    await page.getByTestId('workspace-broadband').waitFor()
    await auth.go('/broadband')
    await page.getByTestId('broadband-open-link').click()
    const broadband = new BroadbandPage(page)
    await broadband.addSubscriber({ name: '陈用户', phone: '13811112222' })
    await broadband.fillAgreement({ accountNo: 'KD-2027-0001', accountName: '陈用户宿舍', planName: '100M', monthlyFee: '100', singlePortFee: '30', cycleStart: '2027-01-01', cycleEnd: '2027-12-31' })
    expect(await broadband.submitOpen()).toEqual({ opened: true })
    await shell.syncNow()
    // The check can see accounts data where it is: the agent's device holds it.
    expect((await deviceHolds(page, 'accounts')).records).toBeGreaterThan(0)

    // Tablet B: the front-desk user joins and syncs.
    const { b, pageB, authB } = await deskJoinsOnSecondTablet(env.browser, env.lobby)
    await new ShellPage(pageB, env.lobby.url).syncNow()
    // No nav entry, no home card…
    await pageB.getByTestId('workspace-reception').waitFor()
    expect(await pageB.locator('nav a[href="/broadband"]').count()).toBe(0)
    expect(await pageB.getByTestId('workspace-broadband').count()).toBe(0)
    // …and every broadband address typed by hand is refused (a fresh load asks who it is first).
    for (const path of ['/broadband', '/broadband/open', '/broadband/accounts/x', '/broadband/accounts/x/statement/2027-01']) {
      await pageB.goto(`${env.lobby.url}${path}`)
      await authB.signIn(desk.username, desk.passphrase)
      const refusal = pageB.getByTestId('forbidden')
      await refusal.waitFor({ timeout: 30_000 })
      expect(await refusal.textContent(), path).toContain('前台接待')
      expect(await pageB.getByTestId('broadband-search').count(), path).toBe(0)
    }
    // After a sync round the front desk's device holds the directory (the subscriber came with it) but nothing of `accounts`.
    await new ShellPage(pageB, env.lobby.url).syncNow()
    expect((await deviceHolds(pageB, 'directory')).records).toBeGreaterThan(0)
    expect(await deviceHolds(pageB, 'accounts')).toEqual({ records: 0, pouchNames: [] })
    await b.close()
    await context.close()
  })
})
