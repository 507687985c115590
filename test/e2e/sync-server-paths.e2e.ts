import { describe, expect, it } from 'vitest'
import { ShellPage } from './pages/shell.page'
import { newContext } from './support/chromium'
import { withLobby } from './support/fixture'

describe('server paths: the service worker never serves or caches /db/', () => {
  const env = withLobby()

  it('sends /db/ requests and navigations to the network, never to a cache', async () => {
    const context = await newContext(env.browser)
    const page = await context.newPage()
    const app = new ShellPage(page, env.lobby.url)
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
    const nav = await page.goto(`${env.lobby.url}/db/`)
    expect(nav?.fromServiceWorker()).toBe(false)
    expect((JSON.parse((await nav?.text()) ?? '{}') as { couchdb?: string }).couchdb).toBeTypeOf('string')
    const health = await page.goto(`${env.lobby.url}/healthz`)
    expect(health?.fromServiceWorker()).toBe(false)

    // Offline, /db/ fails instead of coming back from a cache.
    await page.goto(env.lobby.url)
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
