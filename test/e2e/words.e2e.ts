import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { newContext } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin, desk, manager, orgWithStaff } from './support/org-setup'

/**
 * Issue 10 "Words and names": a manager opens every screen the app offers them, in both languages, and no
 * text shown (page text, the options of every list box, the tab title) looks like a message key
 * (`audit.actions.checkin.override`, `home.notYet`).
 */
const messageKey = /\b[a-z]+(?:\.[a-zA-Z0-9-]+)+\b/
/** Text that holds dots and is not a key: addresses, e-mail, numbers, "e.g.", and the staff's sign-in names (li.desk). */
const signInNames = [admin.username, desk.username, manager.username].map((u) => new RegExp(`\\b${u.replaceAll('.', '\\.')}\\b`, 'g'))
const notKeys = [/https?:\/\/\S+/g, /\S+@\S+/g, /\b\d+(?:\.\d+)+\S*/g, /\blocalhost(?::\d+)?\b/g, /\b(?:e\.g|i\.e)\./g, ...signInNames]

function keysIn(texts: readonly string[]): string[] {
  return texts.filter((text) => messageKey.test(notKeys.reduce((t, pattern) => t.replace(pattern, ' '), text)))
}

/** Everything a person can read on the page: visible text, every option of every list box, and the tab title. */
async function shownTexts(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim()
      const el = n.parentElement
      if (!text || !el || el.closest('script,style,noscript')) continue
      // Options count whether or not the list is open: the audit filter showed raw keys there.
      if (!el.closest('option') && el.getClientRects().length === 0) continue
      out.push(text)
    }
    for (const el of document.querySelectorAll('[placeholder],[aria-label],[title]'))
      for (const a of ['placeholder', 'aria-label', 'title']) {
        const v = el.getAttribute(a)?.trim()
        if (v) out.push(v)
      }
    return out
  })
  return [...texts, await page.title()]
}

describe('issue 10: no screen a manager can open shows a message key, in either language', () => {
  const env = withLobby()

  it('walks the home page, every menu entry and the enrolment form in zh-CN and en', async () => {
    const context = await newContext(env.browser, { locale: 'zh-CN' })
    const page = await context.newPage()
    const { auth, managerCode } = await orgWithStaff(page, env.lobby.url, { manager: true })
    // The front desk has done something worth auditing (sign-ins, a lock); now the manager looks around.
    await page.getByTestId('lock-button').click()
    await auth.unlock('green tea at the front desk')
    await auth.lockScreen().waitFor({ state: 'detached', timeout: 30_000 })
    await auth.signOut()
    await auth.signIn(manager.username, managerCode!)
    await auth.completeFirstSignIn(manager.passphrase)

    const menu = await page.locator('nav a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))
    expect(menu).toEqual(expect.arrayContaining(['/', '/checkin', '/members', '/audit', '/manage/organisation']))
    const screens = [...menu, '/members/enrol', '/organisation']

    const found: string[] = []
    for (const locale of ['zh-CN', 'en'] as const) {
      await auth.switchLanguage(locale)
      for (const path of screens) {
        // Two screens are reached from another page's link, not the menu.
        const from = { '/members/enrol': '/members', '/organisation': '/settings' }[path]
        if (from) {
          await auth.go(from)
          await page.locator(`a[href="${path}"]`).first().click()
          await page.waitForURL((u) => u.pathname === path)
        } else await auth.go(path)
        await page.locator('#main h1').first().waitFor()
        // What each page reads after it opens (audit entries, lists) is in before its words are read.
        if (path === '/audit') await page.getByTestId('audit-table').locator('tbody tr').first().waitFor()
        await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'))
        for (const text of keysIn(await shownTexts(page))) found.push(`${locale} ${path}: ${text}`)
      }
    }
    expect(found).toEqual([])
    await context.close()
  })
})
