import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ShellPage } from './pages/shell.page'
import { launch, newContext } from './support/chromium'
import { startLobby, type RunningLobby } from './support/lobby-server'
import { distDir } from './support/paths'

describe('server paths: the service worker never serves or caches /db/', () => {
  let browser: Browser
  let lobby: RunningLobby

  beforeAll(async () => {
    lobby = await startLobby({ distDir })
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await lobby?.stop()
  })

  it('sends /db/ requests and navigations to the network, never to a cache', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    const app = new ShellPage(page, lobby.url)
    await app.open('/')
    await app.waitForServiceWorkerControl()

    // A fetch from the controlled page reaches the sync server.
    const viaFetch = await page.evaluate(async () => {
      const r = await fetch('/db/')
      return { status: r.status, body: (await r.json()) as { couchdb?: string } }
    })
    expect(viaFetch.status).toBe(200)
    expect(typeof viaFetch.body.couchdb).toBe('string')

    // A navigation under /db/ is not answered with the app shell.
    const nav = await page.goto(`${lobby.url}/db/`)
    expect(nav?.fromServiceWorker()).toBe(false)
    expect((JSON.parse((await nav?.text()) ?? '{}') as { couchdb?: string }).couchdb).toBeTypeOf('string')
    const health = await page.goto(`${lobby.url}/healthz`)
    expect(health?.fromServiceWorker()).toBe(false)

    // Offline, /db/ fails instead of coming back from a cache.
    await page.goto(lobby.url)
    await context.setOffline(true)
    const offline = await page.evaluate(() =>
      fetch('/db/').then(
        (r) => `status ${r.status}`,
        () => 'network error',
      ),
    )
    expect(offline).toBe('network error')

    // And nothing under /db/ sits in Cache Storage.
    const cached = await page.evaluate(async () => {
      const urls: string[] = []
      for (const name of await caches.keys()) {
        for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname)
      }
      return urls
    })
    expect(cached.length).toBeGreaterThan(0) // the app shell is precached…
    expect(cached.filter((p) => p.startsWith('/db') || p === '/healthz')).toEqual([]) // …the server's paths are not
    await context.close()
  })
})
