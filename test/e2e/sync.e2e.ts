import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { AuthPage } from './pages/auth.page'
import { PeoplePage } from './pages/people.page'
import { ShellPage } from './pages/shell.page'
import { StaffAdminPage } from './pages/staff.page'
import { newContext } from './support/chromium'
import { withLobby } from './support/fixture'
import type { RunningLobbyServer } from '../support/lobby-server'
import { admin, desk, manager } from './support/org-setup'
import { deskJoinsOnSecondTablet } from './support/tablets'

const person = { name: '上官婉儿', phone: '13511112222', idNumber: '320102199505051238' }

describe('sync: two devices share one organisation through the embedded server (CONF-2, CONF-3)', () => {
  const env = withLobby({ serverPerTest: true })

  it('a person registered on the desk tablet appears on a second device after it signs in there; the server holds only ciphertext', async () => {
    const { a } = await deskTabletWithVisitor(env)

    // Device B: a fresh browser joins with the desk user's own passphrase and finds the visitor.
    const { b, pageB, authB } = await deskJoinsOnSecondTablet(env.browser, env.lobby)
    await authB.go('/people')
    const peopleB = new PeoplePage(pageB)
    await expect.poll(async () => peopleB.findByPhone(person.phone), { timeout: 30_000 }).toEqual(['上官**'])

    // What the server stores, read as its administrator: envelopes, never the person.
    const res = await fetch(`${env.lobby.url}/db/lobby_directory/_all_docs?include_docs=true`, {
      headers: { Authorization: env.lobby.adminAuthorization },
    })
    const stored = await res.text()
    expect(res.status).toBe(200)
    expect(stored).toContain('"ct"')
    for (const clear of Object.values(person)) expect(stored).not.toContain(clear)

    // CONF-3 on the server: B's own session, crafting requests by hand, is refused what its role may not do.
    const refusals = await pageB.evaluate(async () => {
      const put = (path: string, body: object) =>
        fetch(`/db/${path}`, { method: 'PUT', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.status)
      const envelope = { type: 'account', realm: 'accounts', kid: 'accounts:1', v: 1, ct: 'AAAA' }
      const audit = await fetch('/db/lobby_audit/_all_docs?include_docs=true&limit=1&startkey=%22audit%3A%22', { credentials: 'include' }).then((r) => r.json() as Promise<{ rows: { doc: Record<string, unknown> }[] }>)
      const entry = audit.rows[0]!.doc
      return {
        accounts: await put('lobby_accounts/account:forged', { ...envelope, by: 'me' }),
        impersonation: await put('lobby_desk/desk:forged', { ...envelope, realm: 'desk', kid: 'desk:1', type: 'visit', by: 'someone-else' }),
        auditEdit: await put(`lobby_audit/${String(entry._id)}`, { ...entry, by: 'someone-else' }),
      }
    })
    expect([401, 403]).toContain(refusals.accounts)
    expect(refusals.impersonation).toBe(403)
    expect(refusals.auditEdit).toBe(403)
    await a.close()
    await b.close()
  })

  it('offline edits of the same person on two devices converge field by field, and a manager sees the merge in the audit log', async () => {
    const { a, pageA, authA, managerCode } = await deskTabletWithVisitor(env, { manager: true })

    const { b, pageB, authB } = await deskJoinsOnSecondTablet(env.browser, env.lobby)
    await authB.go('/people')
    await expect.poll(() => new PeoplePage(pageB).findByPhone(person.phone), { timeout: 30_000 }).toEqual(['上官**'])

    // Both tablets lose the network. A changes organisation and notes; a moment later B changes organisation and phone.
    await a.setOffline(true)
    await b.setOffline(true)
    await editPerson(pageA, { organisation: 'A 单位', notes: '常客' })
    // B's edit must carry the later clock: wait until B's clock has passed the moment A saved.
    const aSavedAt = await pageA.evaluate(() => Date.now())
    await pageB.waitForFunction((t) => Date.now() > t, aSavedAt)
    await editPerson(pageB, { organisation: 'B 单位', phone: '13600001111' })
    await a.setOffline(false)
    await b.setOffline(false)

    // Each device ends with the same record: A's notes, B's phone, and B's organisation (the later edit of that field).
    for (const page of [pageA, pageB, pageA, pageB]) await waitSynced(page)
    for (const page of [pageA, pageB]) {
      await expect
        .poll(async () => {
          await page.bringToFront()
          await waitSynced(page)
          const rows = await new PeoplePage(page).findByPhone('13600001111')
          if (rows.length !== 1) return 'not yet'
          await page.getByTestId('person-edit-open').first().click()
          const values = [await page.getByTestId('edit-org').inputValue(), await page.getByTestId('edit-notes').inputValue()]
          await page.getByTestId('person-edit').getByRole('button').nth(1).click()
          return values.join('|')
        }, { timeout: 60_000 })
        .toBe('B 单位|常客')
    }

    // A manager signs in on A and finds the merge in the audit log.
    await authA.signOut()
    await authA.signIn(manager.username, managerCode!)
    await authA.completeFirstSignIn(manager.passphrase)
    await waitSynced(pageA)
    await authA.go('/audit')
    await pageA.getByTestId('audit-filter-action').selectOption('conflict.merge')
    await expect.poll(() => pageA.getByTestId('audit-table').locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(0)
    await a.close()
    await b.close()
  })
})

type Env = { browser: Browser; lobby: RunningLobbyServer }

/**
 * Tablet A: the admin founds the organisation, connects it to the server and creates the desk
 * account (and a manager's, if asked); the desk user signs in for the first time there and
 * registers the visitor; A is synced.
 */
async function deskTabletWithVisitor(env: Env, options: { manager?: boolean } = {}) {
  const a = await newContext(env.browser)
  const pageA = await a.newPage()
  const authA = new AuthPage(pageA, env.lobby.url)
  await authA.createOrganisation(admin)
  await authA.go('/settings')
  await pageA.getByTestId('server-admin-password').fill(env.lobby.adminPassword)
  await pageA.getByTestId('connect-submit').click()
  await expect.poll(() => pageA.getByTestId('connect-result').textContent(), { timeout: 30_000 }).toMatch(/已连接|Connected/)
  await authA.go('/staff')
  const staff = new StaffAdminPage(pageA)
  const deskCode = await staff.create({ ...desk, role: 'frontdesk' })
  expect(await pageA.getByTestId('server-account-problem').count()).toBe(0)
  const managerCode = options.manager ? await staff.create({ ...manager, role: 'manager' }) : undefined
  await waitSynced(pageA)
  await authA.signOut()
  await authA.signIn(desk.username, deskCode)
  await authA.completeFirstSignIn(desk.passphrase)
  await authA.go('/people')
  await new PeoplePage(pageA).register(person)
  await waitSynced(pageA)
  return { a, pageA, authA, managerCode }
}

/** Syncs this device now and waits until what it wrote is on the server. */
async function waitSynced(page: Page): Promise<void> {
  await new ShellPage(page, '').syncNow()
}

/** Opens the first listed person's update form, changes what is given, saves. */
async function editPerson(page: Page, changes: { organisation?: string; notes?: string; phone?: string }): Promise<void> {
  await page.bringToFront() // two tablets in one browser: act on the one in front
  await page.getByTestId('person-edit-open').first().click()
  if (changes.organisation !== undefined) await page.getByTestId('edit-org').fill(changes.organisation)
  if (changes.notes !== undefined) await page.getByTestId('edit-notes').fill(changes.notes)
  if (changes.phone !== undefined) await page.getByTestId('edit-phone').fill(changes.phone)
  await page.getByTestId('edit-save').click()
  await page.getByTestId('person-edit').waitFor({ state: 'detached' })
}
