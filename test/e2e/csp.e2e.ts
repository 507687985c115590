import type { Browser, Page } from 'playwright-core'
import QRCode from 'qrcode'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../server/static-app.js'
import { chromiumArgs, launchChromium } from '../../scripts/chromium.js'
import { AuthPage } from './pages/auth.page'
import { CheckinPage } from './pages/checkin.page'
import { StaffAdminPage } from './pages/staff.page'
import { newContext } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin, manager } from './support/org-setup'

/** Messages that mean the policy blocked something: our listener's, and Chromium's own console report. */
const VIOLATION = /securitypolicyviolation|Content Security Policy/i

/** Moves to `path` through the navigation when this user has it; says whether it did. */
async function visit(auth: AuthPage, page: Page, path: string): Promise<boolean> {
  if ((await page.locator(`nav a[href="${path}"]`).count()) === 0) return false
  await auth.go(path)
  await page.locator('main h1').first().waitFor()
  return true
}

describe('issue 8: the app runs under its Content-Security-Policy', () => {
  const env = withLobby()
  // Its own Chromium, with a fake camera that needs no prompt.
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium({ args: [...chromiumArgs, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] })
  })
  afterAll(async () => browser?.close())

  it('walks founding, sign-in, every screen, the camera and the lock with no policy violation', async () => {
    const context = await newContext(browser, { permissions: ['camera'] })
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`)
      })
    })
    const violations: string[] = []
    context.on('console', (msg) => {
      if (VIOLATION.test(msg.text())) violations.push(`${msg.location().url}: ${msg.text()}`)
    })
    const page = await context.newPage()
    const auth = new AuthPage(page, env.lobby.url)

    const first = await page.goto(env.lobby.url)
    expect(first?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(first?.headers()['permissions-policy']).toContain('camera=(self)')

    // Founding, then the admin's screens.
    await auth.createOrganisation(admin)
    const visited: string[] = []
    for (const path of ['/', '/staff', '/audit', '/devices', '/manage/membership', '/diagnostics', '/settings']) {
      if (await visit(auth, page, path)) visited.push(path)
    }
    await auth.go('/staff')
    const managerCode = await new StaffAdminPage(page).create({ ...manager, role: 'manager' })
    await auth.signOut()

    // Sign-in and first sign-in, then a manager's screens (the desk's and the audit among them).
    await auth.signIn(manager.username, managerCode)
    await auth.completeFirstSignIn(manager.passphrase)
    for (const path of ['/', '/people', '/members', '/checkin', '/staff', '/audit', '/devices', '/manage/membership', '/diagnostics', '/settings']) {
      if (await visit(auth, page, path)) visited.push(path)
    }
    expect(visited).toEqual(expect.arrayContaining(['/staff', '/audit', '/diagnostics', '/settings', '/people', '/members', '/checkin']))

    // Check-in: the camera view on and off, and a QR decoded from a photo (ZXing's wasm).
    await auth.go('/checkin')
    const camera = page.getByTestId('scan-camera')
    await camera.click()
    await page.locator('[data-testid=scan-camera][aria-pressed=true]').waitFor({ timeout: 30_000 })
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2, undefined, { timeout: 30_000 })
    await camera.click()
    await page.locator('[data-testid=scan-camera][aria-pressed=false]').waitFor()
    const checkin = new CheckinPage(page)
    const verdict = await checkin.scanImage(await QRCode.toBuffer('not a member card', { width: 300 }))
    expect(verdict.verdict).toBe('unknown-card') // decoded, then refused
    await checkin.dismiss()

    // The lock screen, and back.
    await page.getByTestId('lock-button').click()
    await auth.lockScreen().waitFor()
    await auth.unlock(manager.passphrase)
    await auth.lockScreen().waitFor({ state: 'detached', timeout: 30_000 })

    expect(violations).toEqual([])

    // The detector itself works: an injected inline script is blocked and reported.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__lobbyInjected = true'
      document.body.append(script)
      return (window as unknown as { __lobbyInjected?: boolean }).__lobbyInjected === true
    })
    expect(ran).toBe(false)
    await expect.poll(() => violations.length).toBeGreaterThan(0)
    await context.close()
  })
})
