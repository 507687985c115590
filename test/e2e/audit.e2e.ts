import { describe, expect, it } from 'vitest'
import { PeoplePage } from './pages/people.page'
import { newContext } from './support/chromium'
import { withLobby } from './support/fixture'
import { manager, orgWithStaff } from './support/org-setup'

describe('CONF-6 audit log and CONF-3 route permissions', () => {
  const env = withLobby()

  it('a manager sees a session of actions, the chain verifies, and an edited entry is reported as broken', async () => {
    const context = await newContext(env.browser)
    const page = await context.newPage()
    const { auth, managerCode } = await orgWithStaff(page, env.lobby.url, { manager: true })
    // A session of actions as the front desk: register, lock, unlock, sign out.
    await auth.go('/people')
    await new PeoplePage(page).register({ name: '张三', phone: '13800138000', idNumber: '' })
    await page.getByTestId('lock-button').click()
    await auth.unlock('green tea at the front desk')
    await auth.lockScreen().waitFor({ state: 'detached', timeout: 30_000 })
    await auth.signOut()

    await auth.signIn(manager.username, managerCode!)
    await auth.completeFirstSignIn(manager.passphrase)
    await auth.go('/audit')
    const table = page.getByTestId('audit-table')
    await table.locator('tbody tr').first().waitFor()
    const actions = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))
    for (const a of ['org.create', 'staff.create', 'agreement.accept', 'sign-in', 'record.create', 'lock', 'unlock', 'sign-out']) expect(actions).toContain(a)

    // Filter by action narrows the list.
    await page.getByTestId('audit-filter-action').selectOption('lock')
    expect(await table.locator('tbody tr').count()).toBe(1)

    await page.getByTestId('audit-verify').click()
    await expect.poll(() => page.getByTestId('audit-verdict').textContent()).toMatch(/链条完整|chain is intact/)

    // Tamper with one stored entry straight in IndexedDB, as someone with the device's disk could.
    const victim = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('lobby')
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      const store = db.transaction('audit', 'readwrite').objectStore('audit')
      const all = await new Promise<{ _id: string; type: string; seq: number; by: string }[]>((resolve) => {
        const r = store.getAll()
        r.onsuccess = () => resolve(r.result.filter((e: { type: string }) => e.type === 'audit')) // not the chains' heads
      })
      const entry = all.sort((a, b) => a.seq - b.seq)[3]!
      await new Promise((resolve) => (store.put({ ...entry, by: 'someone-else' }).onsuccess = resolve))
      db.close()
      return entry._id
    })
    await page.getByTestId('audit-verify').click()
    await expect.poll(() => page.getByTestId('audit-broken').count()).toBe(1)
    expect(await page.getByTestId('audit-broken').getAttribute('data-entry')).toBe(victim)
    expect(await page.getByTestId('audit-broken').textContent()).toMatch(/内容被修改|content altered/)

    // Cut off the end of the front desk's chain (its sign-out, the last thing it did here): its signed head still says where it ended.
    await page.getByTestId('audit-filter-action').selectOption('sign-out')
    const [dev, seq] = (await table.locator('tbody tr td code').last().textContent())!.split('#')
    await page.evaluate(async ({ dev, seq }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('lobby')
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      const store = db.transaction('audit', 'readwrite').objectStore('audit')
      const all = await new Promise<{ _id: string; type: string; dev: string; seq: number }[]>((resolve) => {
        const r = store.getAll()
        r.onsuccess = () => resolve(r.result)
      })
      const last = all.find((e) => e.type === 'audit' && e.dev.endsWith(dev) && e.seq === seq)!
      await new Promise((resolve) => (store.delete(last._id).onsuccess = resolve))
      db.close()
    }, { dev: dev!, seq: Number(seq) })
    await page.getByTestId('audit-verify').click()
    await expect.poll(() => page.getByTestId('audit-broken').count()).toBe(2)
    // CONF-6: "its signed head says entry N; entries N–N are missing".
    expect(await page.locator('[data-testid="audit-broken"][data-entry^="missing:"]').textContent()).toMatch(new RegExp(`(entry ${seq}; entries ${seq}–${seq} are missing)|(第 ${seq} 条；第 ${seq}–${seq} 条缺失)`))
    await context.close()
  })

  it('a front-desk user typing a manager-only address is refused with a clear message', async () => {
    const context = await newContext(env.browser)
    const page = await context.newPage()
    const { auth } = await orgWithStaff(page, env.lobby.url)
    expect(await page.locator('nav a[href="/audit"]').count()).toBe(0) // not offered…
    await page.goto(`${env.lobby.url}/audit`) // …and typed by hand: a fresh load asks who it is first
    await auth.signIn('li.desk', 'green tea at the front desk')
    const refusal = page.getByTestId('forbidden')
    await refusal.waitFor({ timeout: 30_000 })
    expect(await refusal.textContent()).toContain('您的角色（前台接待）不能打开此页面')
    expect(await refusal.textContent()).toContain('/audit')
    expect(await page.getByTestId('audit-table').count()).toBe(0)
    await context.close()
  })
})
