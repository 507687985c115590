import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { AuthPage } from './pages/auth.page'
import { PeoplePage } from './pages/people.page'
import { newContext } from './support/chromium'
import { heapSnapshot, retainers, stronglyHeld } from './support/heap'
import { keyringSecretStrings } from './support/keyring-strings'
import { withLobby } from './support/fixture'
import { admin, desk, orgWithStaff } from './support/org-setup'

const person = { name: '司马光明', phone: '13698765432', idNumber: '440106198807071232' }
const pin = '2468'

async function setIdle(auth: AuthPage, page: Page, idleSeconds: number) {
  await auth.go('/settings')
  await page.getByTestId('idle-lock-seconds').fill(String(idleSeconds))
  await page.getByTestId('idle-lock-save').click()
}

async function setPinAndIdle(auth: AuthPage, page: Page, idleSeconds: number) {
  await auth.go('/settings')
  await page.getByTestId('pin-input').fill(pin)
  await page.getByTestId('pin-save').click()
  await page.getByTestId('pin-saved').waitFor({ timeout: 30_000 })
  await setIdle(auth, page, idleSeconds)
}

/**
 * The screen goes dark and comes back `sleptMs` later, as when a tablet is put down and picked up again.
 * Timers do not run while a tablet sleeps, so the page sees only the two visibility events and a wall
 * clock that jumped: all of it in one synchronous step, with no timer turn in between.
 */
async function hideFor(page: Page, sleptMs: number, wake = true) {
  await page.evaluate(
    ([ms, wakeUp]) => {
      const realNow = Date.now.bind(Date)
      const show = (state: 'hidden' | 'visible') => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' })
        document.dispatchEvent(new Event('visibilitychange'))
      }
      show('hidden')
      if (!wakeUp) return
      Date.now = () => realNow() + ms
      show('visible')
    },
    [sleptMs, wake] as const,
  )
}

describe('CONF-7: lock screen', () => {
  const env = withLobby()

  it('locks by itself after the configured idle time, leaving no personal data and no key in the page or its memory; the PIN unlocks back to the same page', async () => {
    const context = await newContext(env.browser)
    const page = await context.newPage()
    const { auth } = await orgWithStaff(page, env.lobby.url)
    await setPinAndIdle(auth, page, 300)
    await auth.go('/people')
    const people = new PeoplePage(page)
    await people.register(person)
    expect(await people.findByPhone(person.phone)).toEqual(['司马**'])

    // While unlocked the walk finds the keyring's keys: the search below can see a key that stays behind.
    const keys = await keyringSecretStrings(page, desk.passphrase)
    const unlocked = await heapSnapshot(page)
    expect(stronglyHeld(unlocked, keys), 'the walk sees the keys of an unlocked session').not.toEqual([])

    await setIdle(auth, page, 10)
    await auth.go('/people')
    expect(await people.findByPhone(person.phone)).toEqual(['司马**'])

    // Nobody touches the tablet: after 10 s the lock screen replaces the page.
    await auth.lockScreen().waitFor({ timeout: 30_000 })
    const html = await page.content()
    for (const s of [...Object.values(person), '司马**', '136****5432']) expect(html, s).not.toContain(s)
    const heap = await heapSnapshot(page)
    expect(stronglyHeld(heap, ['lock-screen'])).toEqual(['lock-screen']) // the walk does see the app's strings
    const held = stronglyHeld(heap, Object.values(person))
    expect(held, `decrypted data still reachable:\n${retainers(heap, held)}`).toEqual([])
    expect(stronglyHeld(heap, keys), 'realm, index or private key still reachable').toEqual([])

    await auth.unlock(pin)
    await page.getByTestId('people-table').waitFor()
    expect(new URL(page.url()).pathname).toBe('/people')
    await context.close()
  })

  it('a tablet woken after more than the idle time is locked at once; a front-desk tablet locks as soon as it is hidden', async () => {
    const context = await newContext(env.browser)
    const page = await context.newPage()
    const auth = new AuthPage(page, env.lobby.url)
    await auth.createOrganisation(admin)
    await auth.go('/settings')
    await page.getByTestId('device-kind-personal').check()
    await page.getByTestId('idle-lock-seconds').fill('300')
    await page.getByTestId('idle-lock-save').click()

    // Put down for two hours: on waking the lock screen is there, not the page for another five minutes.
    await hideFor(page, 2 * 3600_000)
    await auth.lockScreen().waitFor({ timeout: 15_000 })
    await auth.unlock(admin.passphrase)
    await auth.lockScreen().waitFor({ state: 'detached', timeout: 30_000 })

    // A shared front-desk tablet does not wait for the idle time once its screen is off.
    await auth.go('/settings')
    await page.getByTestId('device-kind-frontdesk').check()
    await hideFor(page, 0, false)
    await auth.lockScreen().waitFor({ timeout: 15_000 })
    await context.close()
  })

  it('five wrong PINs make the passphrase necessary', async () => {
    const context = await newContext(env.browser)
    const page = await context.newPage()
    const { auth } = await orgWithStaff(page, env.lobby.url)
    await setPinAndIdle(auth, page, 300)
    await page.getByTestId('lock-button').click()
    await auth.lockScreen().waitFor()

    for (const left of [4, 3, 2, 1]) {
      await auth.unlock('1357')
      await expect.poll(() => auth.problem().textContent()).toMatch(new RegExp(`${left}`))
    }
    await auth.unlock('1357')
    await expect.poll(() => auth.problem().textContent()).toMatch(/口令|passphrase/)
    await auth.unlock(pin) // the right PIN no longer works either
    await expect.poll(() => auth.problem().textContent()).toMatch(/未设置 PIN|No PIN/)
    await auth.unlock(desk.passphrase)
    await auth.lockScreen().waitFor({ state: 'detached', timeout: 30_000 })
    expect(await page.locator('h1').textContent()).toBe('设置') // back where it locked
    await context.close()
  })
})
