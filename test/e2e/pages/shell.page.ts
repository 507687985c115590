import type { Page } from 'playwright-core'

/** The app shell every page lives in: navigation, language, network state, notices. */
export class ShellPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(path = '/'): Promise<void> {
    await this.page.goto(this.baseUrl + path)
    await this.page.locator('#main').waitFor()
  }

  /**
   * Moves inside the running app through its navigation, as a user would. A full page
   * load (open) would forget the session: keys live in memory only.
   */
  async go(path: string): Promise<void> {
    // The app's own navigation: a desk's tabs are a navigation too, and may link to the same page.
    const link = this.page.getByTestId('main-nav').locator(`a[href="${path}"]`)
    // On a phone the navigation is behind the menu button: open it first, as a person would.
    // Any route change closes it (a sign-in still finishing, say): open it again until the link shows.
    const toggle = this.page.getByTestId('nav-toggle')
    for (let tries = 0; tries < 15 && !(await link.isVisible()); tries++) {
      if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
      await link.waitFor({ timeout: 2_000 }).catch(() => undefined)
    }
    await link.click()
    await this.page.waitForURL((u) => u.pathname === path)
  }

  /** Resolves once a service worker controls this page (clientsClaim makes that the first visit). */
  async waitForServiceWorkerControl(): Promise<void> {
    await this.page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 })
  }

  async switchLanguage(locale: 'zh-CN' | 'en'): Promise<void> {
    await this.page.getByTestId('language-switch').selectOption(locale)
    await this.page.waitForFunction((l) => document.documentElement.lang === l, locale)
  }

  updatePrompt() {
    return this.page.getByTestId('update-prompt')
  }

  /** Text of every visible text node in the page, trimmed, in document order. */
  async visibleTexts(): Promise<string[]> {
    return this.page.evaluate(() => {
      const out: string[] = []
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent?.trim()
        const el = n.parentElement
        if (!text || !el || el.closest('script,style,noscript,option')) continue
        const box = el.getBoundingClientRect()
        const style = getComputedStyle(el)
        const clipped = el.closest('.visually-hidden') !== null
        if (!clipped && (box.width === 0 || box.height === 0 || style.visibility === 'hidden')) continue
        out.push(text)
      }
      return out
    })
  }

  /**
   * Asks this device to sync now and resolves once a round that ended after this call
   * left nothing waiting: everything written here before the call is on the server, and
   * the device has what the server had when that round pulled.
   */
  async syncNow(timeout = 60_000): Promise<void> {
    // The page's clock, which a test may have moved (the last success is stamped with it).
    const since = await this.page.evaluate(() => Date.now())
    await this.page.getByTestId('sync-now').click()
    await this.page.waitForFunction(
      (after) => {
        const el = document.querySelector('[data-testid=sync-status]')
        const last = Date.parse(el?.getAttribute('data-last-success') ?? '')
        return el?.getAttribute('data-state') === 'idle' && el.getAttribute('data-pending') === '0' && last >= after
      },
      since,
      { timeout, polling: 250 },
    )
  }
}
