import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { AuthPage } from './pages/auth.page'
import { PeoplePage } from './pages/people.page'
import { newContext } from './support/chromium'
import { heapSnapshot, stronglyHeld } from './support/heap'
import { withLobby } from './support/fixture'
import { desk, orgWithStaff } from './support/org-setup'

const person = { name: '司马光明', phone: '13698765432', idNumber: '440106198807071239' }
const pin = '2468'

async function setPinAndIdle(auth: AuthPage, page: Page, idleSeconds: number) {
  await auth.go('/settings')
  await page.getByTestId('pin-input').fill(pin)
  await page.getByTestId('pin-save').click()
  await page.getByTestId('pin-saved').waitFor({ timeout: 30_000 })
  await page.getByTestId('idle-lock-seconds').fill(String(idleSeconds))
  await page.getByTestId('idle-lock-save').click()
}

describe('CONF-7: lock screen', () => {
  const env = withLobby()

  it('locks by itself after the configured idle time, leaving no personal data in the page or its memory; the PIN unlocks back to the same page', async () => {
    const context = await newContext(env.browser)
    const page = await context.newPage()
    const { auth } = await orgWithStaff(page, env.lobby.url)
    await setPinAndIdle(auth, page, 10)
    await auth.go('/people')
    const people = new PeoplePage(page)
    await people.register(person)
    expect(await people.findByPhone(person.phone)).toEqual(['司马**'])

    // Nobody touches the tablet: after 10 s the lock screen replaces the page.
    await auth.lockScreen().waitFor({ timeout: 30_000 })
    const html = await page.content()
    for (const s of [...Object.values(person), '司马**', '136****5432']) expect(html, s).not.toContain(s)
    const heap = await heapSnapshot(page)
    expect(stronglyHeld(heap, ['lock-screen'])).toEqual(['lock-screen']) // the walk does see the app's strings
    expect(stronglyHeld(heap, Object.values(person)), 'decrypted data still reachable').toEqual([])

    await auth.unlock(pin)
    await page.getByTestId('people-table').waitFor()
    expect(new URL(page.url()).pathname).toBe('/people')
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
