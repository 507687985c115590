import { createRequire } from 'node:module'
import type { Browser } from 'playwright-core'
import { generatePeople } from '../scripts/demo/people'
import { demoSignIns } from '../scripts/demo/sign-ins'
import { runDemo } from '../scripts/demo/demo'
import { remoteServer } from '../scripts/demo/server'

const pouchScript = createRequire(import.meta.url).resolve('pouchdb/dist/pouchdb.min.js')
const seed = 7

/**
 * Initial sync of `count` people into a fresh browser, as the app does it
 * (server → PouchDB → integrity check → Dexie, then found by phone through the
 * blind index), next to a raw PouchDB pull of the same database.
 */
export async function initialSyncBench(browser: Browser, lobby: { url: string; adminUser: string; adminPassword: string }, count: number) {
  const server = await remoteServer(`${lobby.url}/db/`, lobby.adminUser, lobby.adminPassword)
  await runDemo(server, { seed, people: count, forceNew: false }, () => {})
  const probe = generatePeople(seed, count).at(-1)!
  const desk = demoSignIns.find((s) => s.username === 'desk1')!

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en' })
  await context.addInitScript({ content: 'window.__name = (f) => f' })
  const page = await context.newPage()
  await page.goto(`${lobby.url}/join`)
  await page.getByTestId('join-username').fill(desk.username)
  await page.getByTestId('join-secret').fill(desk.passphrase)
  const t0 = performance.now()
  await page.getByTestId('join-submit').click()
  await page.getByTestId('signed-in-as').waitFor({ timeout: 120_000 })
  await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid=sync-status]')
      return el?.getAttribute('data-state') === 'idle' && el.getAttribute('data-pending') === '0'
    },
    undefined,
    { timeout: 600_000, polling: 200 },
  )
  const synced = performance.now() - t0
  await page.locator('nav a[href="/people"]').click()
  await page.getByTestId('person-search').fill(probe.phone ?? '')
  const q0 = performance.now()
  await page.getByTestId('person-search-submit').click()
  await page.getByTestId('people-table').locator('tbody tr').first().waitFor()
  const lookup = performance.now() - q0
  await context.close()

  // The app's CSP refuses the inline PouchDB script this comparison injects: bypassed for this context only.
  const raw = await browser.newContext({ bypassCSP: true })
  // tsx (esbuild keepNames) wraps functions in __name(); functions sent to the page need it defined there.
  await raw.addInitScript({ content: 'window.__name = (f) => f' })
  const rawPage = await raw.newPage()
  await rawPage.goto(`${lobby.url}/diagnostics`)
  await rawPage.addScriptTag({ path: pouchScript })
  const rawMs = await rawPage.evaluate(
    async ({ remote, auth }) => {
      type PouchCtor = { new (name: string, options?: object): unknown; replicate(a: unknown, b: unknown, o: object): Promise<unknown> }
      const P = (window as unknown as { PouchDB: PouchCtor }).PouchDB
      const source = new P(remote, { fetch: (u: string, o: RequestInit) => fetch(u, { ...o, headers: { ...Object.fromEntries(new Headers(o.headers)), Authorization: auth } }) })
      const target = new P('raw-bench')
      const s = performance.now()
      await P.replicate(source, target, { batch_size: 250, batches_limit: 4 })
      return performance.now() - s
    },
    { remote: `${lobby.url}/db/lobby_directory`, auth: `Basic ${btoa(`${lobby.adminUser}:${lobby.adminPassword}`)}` },
  )
  await raw.close()
  return { synced, lookup, rawMs }
}
