import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DiagnosticsPage } from './pages/diagnostics.page'
import { launch, newContext } from './support/chromium'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'
import { distDir, nextDistDir, nextVersionSuffix } from './support/paths'

describe('pwa: offline shell and update flow', () => {
  let browser: Browser
  let lobby: RunningLobbyServer
  let siteDir: string

  beforeAll(async () => {
    // The server serves a folder we can "deploy" a new version into mid-test.
    siteDir = await mkdtemp(join(tmpdir(), 'lobby-site-'))
    await cp(distDir, siteDir, { recursive: true })
    lobby = await startLobbyServer({ distDir: siteDir })
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await lobby?.stop()
    await rm(siteDir, { recursive: true, force: true })
  })

  it('is controlled by the service worker on the first visit and loads offline', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    const app = new DiagnosticsPage(page, lobby.url)
    await app.open('/')
    await app.waitForServiceWorkerControl()

    await context.setOffline(true)
    await page.reload()
    await app.openDiagnostics()
    expect(await app.version()).not.toBe('')
    await expect.poll(() => page.getByTestId('network').textContent()).toMatch(/离线|Offline/)
    await expect.poll(() => page.getByTestId('network-status').textContent()).toMatch(/离线|Offline/)
    // A route with a lazy chunk never loaded before comes from the precache too.
    await app.open('/welcome')
    expect(await page.locator('h1').textContent()).toBe('在本设备上设置 Lobby')
    await context.close()
  })

  it('says offline after an offline reload served by the service worker even when navigator.onLine claims otherwise', async () => {
    // What Debian's Chromium 150 did under offline emulation: navigator.onLine stayed true.
    const context = await newContext(browser)
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => true }))
    const page = await context.newPage()
    const app = new DiagnosticsPage(page, lobby.url)
    await app.open('/')
    await app.waitForServiceWorkerControl()

    await context.setOffline(true)
    await page.reload()
    await app.openDiagnostics()
    expect(await page.evaluate(() => navigator.onLine)).toBe(true)
    await expect.poll(() => page.getByTestId('network-status').textContent(), { timeout: 30_000 }).toMatch(/离线/)
    await context.close()
  })

  it('says offline while the sync server does not answer though the browser thinks it is online, and online again once it answers', async () => {
    // A front desk on a LAN with no route to the sync server: navigator.onLine stays true.
    // Service workers are blocked so that the interception below sees the page's own requests.
    const context = await newContext(browser, { serviceWorkers: 'block' })
    const page = await context.newPage()
    const app = new DiagnosticsPage(page, lobby.url)
    await app.openDiagnostics()
    const indicator = page.getByTestId('network-status')
    await expect.poll(() => indicator.textContent()).toMatch(/在线/)

    await context.route('**/db/**', (route) => route.abort('addressunreachable'))
    await context.route('**/healthz', (route) => route.abort('addressunreachable'))
    expect(await page.evaluate(() => navigator.onLine)).toBe(true)
    await expect.poll(() => indicator.textContent(), { timeout: 60_000 }).toMatch(/离线 — 同步服务器没有应答/)
    expect(await page.getByTestId('network').textContent()).toMatch(/离线/)

    await context.unrouteAll()
    await expect.poll(() => indicator.textContent(), { timeout: 60_000 }).toMatch(/在线/)
    await context.close()
  })

  it('offers the new version after a deploy and runs it once accepted', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    const app = new DiagnosticsPage(page, lobby.url)
    await app.openDiagnostics()
    await app.waitForServiceWorkerControl()
    const oldVersion = await app.version()
    expect(oldVersion).not.toContain(nextVersionSuffix)

    await cp(nextDistDir, siteDir, { recursive: true, force: true })
    await app.checkForUpdate()
    await app.updatePrompt().waitFor({ timeout: 30_000 })
    expect(await app.version()).toBe(oldVersion) // nothing changes until the user says so

    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()])
    await page.getByTestId('app-version').waitFor()
    expect(await app.version()).toBe(`${oldVersion}${nextVersionSuffix}`)
    await expect.poll(() => app.serviceWorkerState()).toBe('controlling')
    await context.close()
  })
})
