import { describe, expect, it } from 'vitest'
import { AuthPage } from './pages/auth.page'
import { ShellPage } from './pages/shell.page'
import { StaffAdminPage } from './pages/staff.page'
import { newContext } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin, manager } from './support/org-setup'

describe('issue 8 §5: a rival version of an append-only record is shown to managers as tampering', () => {
  const env = withLobby()

  it('the tablet keeps the card key it had, and the manager’s audit page names the record with a rival version', async () => {
    const context = await newContext(env.browser)
    const page = await context.newPage()
    const auth = new AuthPage(page, env.lobby.url)
    await auth.createOrganisation(admin)
    // The admin connects the organisation to the sync server (creates its server accounts).
    await auth.go('/settings')
    await page.getByTestId('server-admin-password').fill(env.lobby.adminPassword)
    await page.getByTestId('connect-submit').click()
    await expect.poll(() => page.getByTestId('connect-result').textContent(), { timeout: 30_000 }).toMatch(/已连接|Connected/)
    await auth.go('/staff')
    const managerCode = await new StaffAdminPage(page).create({ ...manager, role: 'manager' })
    const shell = new ShellPage(page, env.lobby.url)
    await shell.syncNow()
    // The manager (who reads the audit log) signs in on this tablet.
    await auth.signOut()
    await auth.signIn(manager.username, managerCode)
    await auth.completeFirstSignIn(manager.passphrase)
    await shell.syncNow()

    // Whoever runs the server (or a CouchDB taking a new_edits:false branch) adds a rival first revision
    // of the card key (MEM-8), an append-only record: created once, never changed.
    const authorization = env.lobby.adminAuthorization
    const db = `${env.lobby.url}/db/lobby_desk`
    const stored = await (await fetch(`${db}/card-key:org`, { headers: { authorization } })).json()
    const rival = { ...stored, ct: 'cml2YWw', _rev: `1-${'0'.repeat(32)}`, _revisions: { start: 1, ids: ['0'.repeat(32)] } }
    const planted = await fetch(`${db}/_bulk_docs`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ docs: [rival], new_edits: false }) })
    expect(planted.status).toBe(201)

    await shell.syncNow()
    await auth.go('/audit')
    const notice = page.getByTestId('tamper')
    await notice.waitFor({ timeout: 30_000 })
    expect(await notice.textContent()).toMatch(/只能追加的记录出现了另一个版本|append-only record has another version/)
    expect(await notice.locator('[data-record]').evaluateAll((items) => items.map((i) => i.getAttribute('data-record')))).toEqual(['card-key:org'])
    // The rival (which loses CouchDB's pick here) is the one set aside; the tablet keeps its card key.
    expect(await page.getByTestId('quarantine').textContent()).toContain('lobby_desk/card-key:org')
    await context.close()
  })
})
