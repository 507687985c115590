import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PeoplePage } from './pages/people.page'
import { launch, newContext } from './support/chromium'
import { distDir } from './support/paths'
import { connectedDeskTablet } from './support/tablets'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

const person = { name: '上官婉儿', phone: '13511112222', idNumber: '320102199505051238' }

/** How many documents the server holds in a database, read as its administrator. */
async function serverDocCount(lobby: RunningLobbyServer, database: string): Promise<number> {
  const res = await fetch(`${lobby.url}/db/${database}/_all_docs`, { headers: { Authorization: lobby.adminAuthorization } })
  return ((await res.json()) as { rows: unknown[] }).rows.length
}

describe('sync when the server answers again, with no `online` event (SVC-3)', () => {
  let browser: Browser
  let dataDir: string
  let lobby: RunningLobbyServer | undefined

  beforeAll(async () => {
    browser = await launch()
    dataDir = await mkdtemp(join(tmpdir(), 'lobby-server-back-'))
  })
  afterAll(async () => {
    await lobby?.stop()
    await browser?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('a write made while the LAN server is down reaches it once the server is back on the same port, without a sync by hand', async () => {
    lobby = await startLobbyServer({ distDir, dataDir })
    const context = await newContext(browser)
    const page = await context.newPage()
    // The browser never goes offline here (the server does): count `online` events to be sure none came.
    await page.addInitScript(() => {
      ;(window as unknown as { onlineEvents: number }).onlineEvents = 0
      window.addEventListener('online', () => (window as unknown as { onlineEvents: number }).onlineEvents++)
    })
    const { auth } = await connectedDeskTablet(page, lobby)
    const before = await serverDocCount(lobby, 'lobby_directory')
    const { port } = lobby

    await lobby.stop()
    lobby = undefined
    await auth.go('/people')
    await new PeoplePage(page).register(person)
    // The device tried and found the server gone: offline, with the write waiting.
    await page.waitForFunction(
      () => {
        const el = document.querySelector('[data-testid=sync-status]')
        return el?.getAttribute('data-state') === 'offline' && Number(el.getAttribute('data-pending')) > 0
      },
      undefined,
      { timeout: 30_000 },
    )

    lobby = await startLobbyServer({ distDir, dataDir, port })
    const back = lobby
    // Within a few seconds of the server answering (the backoff's cap is 20 s; the idle round is 30 s away).
    await expect.poll(() => serverDocCount(back, 'lobby_directory'), { timeout: 20_000 }).toBeGreaterThan(before)
    await page.waitForFunction(() => document.querySelector('[data-testid=sync-status]')?.getAttribute('data-pending') === '0', undefined, { timeout: 20_000 })
    expect(await page.evaluate(() => (window as unknown as { onlineEvents: number }).onlineEvents)).toBe(0)
    await context.close()
  })
})
