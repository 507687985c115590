import type { Browser } from 'playwright-core'
import { runDemo } from '../scripts/demo/demo'
import { demoToday } from '../scripts/demo/members'
import { remoteServer } from '../scripts/demo/server'
import { demoSignIns } from '../scripts/demo/sign-ins'

const seed = 11

/**
 * MEM-3 "within a moment": the demo organisation (people, 500 members, 1,000 visits) synced to a
 * fresh desk tablet, then member numbers typed at /desk as a USB scanner would, timed from Enter to
 * the verdict on screen. The first scan after opening the desk decrypts the desk realm; the rest
 * read it again from IndexedDB (each ciphertext is opened once per session).
 */
export async function checkinBench(browser: Browser, lobby: { url: string; adminUser: string; adminPassword: string }, sizes: { people: number; members: number; visits: number; scans: number }) {
  const server = await remoteServer(`${lobby.url}/db/`, lobby.adminUser, lobby.adminPassword)
  await runDemo(server, { seed, people: sizes.people, members: sizes.members, visits: sizes.visits, today: demoToday, forceNew: false }, () => {})
  const desk = demoSignIns.find((s) => s.username === 'desk1')!

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en' })
  // The demo's Saturday afternoon: both tiers are open (14:30–17:30).
  await context.clock.setFixedTime(new Date(`${demoToday}T15:00:00+08:00`))
  await context.addInitScript({ content: 'window.__name = (f) => f' })
  const page = await context.newPage()
  await page.goto(`${lobby.url}/join`)
  await page.getByTestId('join-username').fill(desk.username)
  await page.getByTestId('join-secret').fill(desk.passphrase)
  await page.getByTestId('join-submit').click()
  await page.getByTestId('signed-in-as').waitFor({ timeout: 120_000 })
  await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid=sync-status]')
      return el?.getAttribute('data-state') === 'idle' && el.getAttribute('data-pending') === '0' && el.getAttribute('data-last-success')
    },
    undefined,
    { timeout: 600_000, polling: 200 },
  )
  await page.locator('nav a[href="/members"]').click()
  await page.getByTestId('members-table').locator('tbody tr').first().waitFor({ timeout: 60_000 })
  const numbers = (await page.getByTestId('members-table').locator('tbody tr td:nth-child(2)').allInnerTexts()).map((s) => s.trim()).slice(0, sizes.scans)

  // Locking drops the session's decrypted records: after the unlock the desk opens cold.
  await page.getByTestId('lock-button').click()
  await page.getByTestId('lock-screen').waitFor()
  await page.getByTestId('unlock-secret').fill(desk.passphrase)
  await page.getByTestId('unlock-submit').click()
  await page.getByTestId('lock-screen').waitFor({ state: 'detached', timeout: 60_000 })
  await page.locator('nav a[href="/desk"]').click()
  await page.getByTestId('scan-text').waitFor()
  const times: number[] = []
  const verdicts = new Map<string, number>()
  for (const no of numbers) {
    await page.getByTestId('scan-text').fill(no)
    const t0 = performance.now()
    await page.getByTestId('scan-text').press('Enter')
    const verdict = await page.getByTestId('checkin-verdict').getAttribute('data-verdict', { timeout: 30_000 })
    times.push(performance.now() - t0)
    verdicts.set(verdict ?? '?', (verdicts.get(verdict ?? '?') ?? 0) + 1)
    await page.getByTestId('verdict-dismiss').click()
    await page.getByTestId('checkin-verdict').waitFor({ state: 'detached' })
  }
  await context.close()
  return { first: times[0]!, rest: times.slice(1), verdicts }
}
