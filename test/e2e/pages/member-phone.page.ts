import type { Page } from 'playwright-core'
import { originFacts } from '../support/origin-storage'

/** Issue 14: the member's own app on their phone (`/me/`). */
export class MemberPhonePage {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  /** Opens what the desk's QR holds: the sign-in with the name and code filled in. */
  async openLink(link: string): Promise<void> {
    const url = new URL(link)
    await this.page.goto(`${this.baseUrl}${url.pathname}${url.hash}`)
    await this.page.getByTestId('member-sign-in').waitFor()
  }

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/me/`)
  }

  async signIn(name: string, secret: string): Promise<void> {
    await this.page.getByTestId('member-name').fill(name)
    await this.page.getByTestId('member-secret').fill(secret)
    await this.page.getByTestId('member-sign-in-submit').click()
  }

  async submitSignIn(): Promise<void> {
    await this.page.getByTestId('member-sign-in-submit').click()
  }

  async choosePassword(password: string, repeat = password): Promise<void> {
    await this.page.getByTestId('member-set-password').waitFor()
    await this.page.getByTestId('member-password').fill(password)
    await this.page.getByTestId('member-password-repeat').fill(repeat)
    await this.page.getByTestId('member-password-submit').click()
  }

  async problem(): Promise<string> {
    const p = this.page.getByTestId('form-problem')
    await p.waitFor()
    return (await p.innerText()).trim()
  }

  async home(): Promise<void> {
    await this.page.getByTestId('self-home').waitFor()
  }

  async go(hashPath: string): Promise<void> {
    await this.page.evaluate((p) => (location.hash = `#${p}`), hashPath)
  }

  /** The card as a picture (what the desk's camera sees), once drawn. */
  async cardPng(): Promise<Buffer> {
    await this.go('/me/card')
    const qr = this.page.locator('[data-testid=self-card-membership] [data-state=ready]').first()
    await qr.waitFor({ timeout: 30_000 })
    return qr.screenshot()
  }

  /** One month's statement of the member's (only) broadband account, as the phone shows it. */
  async statement(month: string): Promise<{ opening: string; debits: string; credits: string; closing: string }> {
    await this.go('/me/bills')
    const link = this.page.locator(`[data-testid=self-statement-link][href$="/${month}"]`)
    await link.waitFor({ timeout: 30_000 })
    await link.click()
    await this.page.getByTestId('self-statement-closing').waitFor()
    const text = async (id: string) => ((await this.page.getByTestId(id).textContent()) ?? '').trim()
    return { opening: await text('self-statement-opening'), debits: await text('self-statement-debits'), credits: await text('self-statement-credits'), closing: await text('self-statement-closing') }
  }

  /** What the phone keeps: its IndexedDB databases, every realm its records name, localStorage keys, cached URLs. */
  async storageFacts(): Promise<{ orgId: string; databases: string[]; realms: string[]; localStorageKeys: string[]; cachedUrls: string[] }> {
    const { selfOrgId, databases, realms, localStorageKeys, cachedUrls } = await originFacts(this.page)
    return { orgId: selfOrgId, databases, realms, localStorageKeys, cachedUrls }
  }

  /** Raw HTTP with the member's own session cookie: the status of a GET of each path under `/db/`. */
  async rawStatuses(paths: string[]): Promise<Record<string, number>> {
    return this.page.evaluate(async (list) => {
      const out: Record<string, number> = {}
      for (const path of list) out[path] = (await fetch(`/db/${path}`, { credentials: 'include', headers: { Accept: 'application/json' } })).status
      return out
    }, paths)
  }

  /** Opens one month's statement of the member's (only) broadband account. */
  async openStatement(month: string): Promise<void> {
    await this.go('/me/bills')
    const link = this.page.locator(`[data-testid=self-statement-link][href$="/${month}"]`)
    await link.waitFor({ timeout: 30_000 })
    await link.click()
    await this.page.getByTestId('self-statement-lines').waitFor()
  }

  /** Each charge line's dispute: `open` (a button), else its state and the words shown. */
  async disputes(): Promise<{ state: string; text: string }[]> {
    const out: { state: string; text: string }[] = []
    for (const row of await this.page.getByTestId('self-statement-line').all()) {
      if (await row.getByTestId('self-dispute-open').count()) out.push({ state: 'open', text: '' })
      else {
        const state = row.getByTestId('self-dispute-state')
        out.push({ state: (await state.getAttribute('data-state')) ?? '', text: ((await state.textContent()) ?? '').trim() })
      }
    }
    return out
  }

  /** BB-7: disputes the first line that offers it, with a reason; waits until it reads as sent. */
  async disputeFirstOpen(reason: string): Promise<void> {
    await this.page.getByTestId('self-dispute-open').first().click()
    await this.page.getByTestId('self-dispute-form-reason').fill(reason)
    await this.page.getByTestId('self-dispute-form-send').click()
    await this.page.locator('[data-testid=self-dispute-state][data-state=sent]').waitFor()
  }
}
