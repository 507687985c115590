import { describe, expect, it } from 'vitest'
import { AuthPage } from './pages/auth.page'
import { ShellPage } from './pages/shell.page'
import { admin, desk, orgWithStaff } from './support/org-setup'
import { newContext, phone, tablet } from './support/chromium'
import { withLobby } from './support/fixture'

// Strings that are the same in both languages on purpose: the brand, each language's own name, and the person's name.
const sameInBoth = new Set(['Lobby', '中文', 'English', admin.username, admin.name])
const cjk = /[\u3400-\u9fff]/
const rawKey = /^[a-zA-Z]+(\.[a-zA-Z0-9-]+)+$/

describe('i18n: zh-CN and en', () => {
  const env = withLobby()

  async function expectEveryStringSwitches(app: ShellPage, expectedEnglishTitle: string) {
    const page = app.page
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
    const zh = await app.visibleTexts()
    await app.switchLanguage('en')
    const en = await app.visibleTexts()

    expect(zh.length).toBeGreaterThan(8)
    expect(en.length).toBe(zh.length)
    for (const text of [...zh, ...en]) expect(text, 'raw message key shown').not.toMatch(rawKey)
    const unchanged = zh.filter((t) => en.includes(t) && !sameInBoth.has(t))
    expect(unchanged, 'strings left untranslated').toEqual([])
    expect(en.filter((t) => cjk.test(t) && !sameInBoth.has(t)), 'Chinese left in English UI').toEqual([])
    const latinOnly = (t: string) => !cjk.test(t) && /[a-z]{3}/i.test(t.replaceAll(admin.username, ''))
    expect(zh.filter((t) => !sameInBoth.has(t) && latinOnly(t)), 'English left in Chinese UI').toEqual([])
    expect(await page.title()).toBe(expectedEnglishTitle)
  }

  for (const viewport of [tablet, phone]) {
    it(`switching language changes every visible string on a new device's first page (${viewport.width}×${viewport.height})`, async () => {
      const context = await newContext(env.browser, { viewport, locale: 'zh-CN' })
      const app = new ShellPage(await context.newPage(), env.lobby.url)
      await app.open('/')
      await app.page.getByTestId('create-org').waitFor() // the first-run page loads lazily after the redirect
      await expectEveryStringSwitches(app, 'Set up Lobby on this device · Lobby')
      await context.close()
    })

    it(`switching language changes every visible string on the signed-in home page (${viewport.width}×${viewport.height})`, async () => {
      const context = await newContext(env.browser, { viewport, locale: 'zh-CN' })
      const auth = new AuthPage(await context.newPage(), env.lobby.url)
      await auth.createOrganisation(admin)
      await auth.page.getByTestId('offline-ready').getByRole('button').click().catch(() => {})
      await expectEveryStringSwitches(auth, 'Home · Lobby')
      await context.close()
    })
  }

  // Issue 9: a lazy feature's words load with its route, before the route resolves, so the tab title set from
  // the route's titleKey is already translated when a page is opened straight by its address.
  for (const [locale, title] of [
    ['zh-CN', '办理入会 · Lobby 前厅'],
    ['en', 'Enrol a member · Lobby'],
  ] as const) {
    it(`a lazy page opened by its address has its translated tab title, never the raw key (${locale})`, async () => {
      const context = await newContext(env.browser, { locale })
      const { auth } = await orgWithStaff(await context.newPage(), env.lobby.url)
      await auth.open('/members/enrol') // a fresh load: no members code has run yet
      await auth.signIn(desk.username, desk.passphrase)
      await auth.page.waitForURL((u) => u.pathname === '/members/enrol')
      await auth.page.locator('h1').waitFor()
      expect(await auth.page.title()).toBe(title)
      await context.close()
    })
  }

  it('starts in the browser language and remembers the choice across reloads', async () => {
    const context = await newContext(env.browser, { locale: 'en-US' })
    const page = await context.newPage()
    const app = new ShellPage(page, env.lobby.url)
    await app.open('/')
    expect(await page.locator('h1').textContent()).toBe('Set up Lobby on this device')
    await app.switchLanguage('zh-CN')
    await page.reload()
    await page.locator('h1').waitFor()
    expect(await page.locator('h1').textContent()).toBe('在本设备上设置 Lobby')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
    await context.close()
  })
})
