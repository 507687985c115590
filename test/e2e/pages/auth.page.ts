import type { BrowserContext, Page } from 'playwright-core'
import { ShellPage } from './shell.page'

/** First run, sign-in, first sign-in with a setup code, lock and unlock. */
export class AuthPage extends ShellPage {
  constructor(page: Page, baseUrl: string) {
    super(page, baseUrl)
  }

  async createOrganisation(o: { name: string; username: string; passphrase: string; organisation?: { zh: string; en: string } }): Promise<void> {
    await this.open('/')
    const form = this.page.getByTestId('create-org')
    await form.waitFor()
    await this.page.getByTestId('org-name-zh').fill(o.organisation?.zh ?? '星河会所')
    await this.page.getByTestId('org-name-en').fill(o.organisation?.en ?? 'Galaxy Club')
    await this.page.getByTestId('org-admin-name').fill(o.name)
    await this.page.getByTestId('org-username').fill(o.username)
    await this.page.getByTestId('org-passphrase').fill(o.passphrase)
    await this.page.getByTestId('org-passphrase-confirm').fill(o.passphrase)
    await this.page.getByTestId('agreement-accept').check()
    await this.page.getByTestId('org-create').click()
    await this.page.getByTestId('signed-in-as').waitFor({ timeout: 60_000 })
  }

  /** A new device joins the organisation (/join) with a user's one-time code or passphrase. */
  async join(username: string, secret: string): Promise<void> {
    await this.open('/join')
    await this.page.getByTestId('join-username').fill(username)
    await this.page.getByTestId('join-secret').fill(secret)
    await this.page.getByTestId('join-submit').click()
  }

  async signIn(username: string, secret: string): Promise<void> {
    await this.page.getByTestId('sign-in-username').fill(username)
    await this.page.getByTestId('sign-in-secret').fill(secret)
    await this.page.getByTestId('sign-in-submit').click()
  }

  async signInFresh(username: string, secret: string): Promise<void> {
    await this.open('/sign-in')
    await this.signIn(username, secret)
  }

  async completeFirstSignIn(passphrase: string): Promise<void> {
    await this.page
      .getByTestId('first-sign-in')
      .waitFor({ timeout: 60_000 })
      .catch(async (e: Error) => {
        // Say what the page showed instead (a refusal message, another page) rather than only "timeout".
        const shown = await this.page.locator('main').innerText().catch(() => '')
        throw new Error(`${e.message}\nThe page showed instead:\n${shown.slice(0, 500)}`)
      })
    await this.page.getByTestId('agreement-accept').check()
    await this.page.getByTestId('first-passphrase').fill(passphrase)
    await this.page.getByTestId('first-passphrase-confirm').fill(passphrase)
    await this.page.getByTestId('first-submit').click()
    await this.page.getByTestId('signed-in-as').waitFor({ timeout: 60_000 })
  }

  async signOut(): Promise<void> {
    await this.go('/settings')
    await this.page.getByTestId('sign-out').click()
    await this.page.getByTestId('sign-in').waitFor()
  }

  lockScreen() {
    return this.page.getByTestId('lock-screen')
  }

  async unlock(secret: string): Promise<void> {
    await this.page.getByTestId('unlock-secret').fill(secret)
    await this.page.getByTestId('unlock-submit').click()
  }

  /**
   * Nobody touches the device until `when`: the clock jumps there, the idle lock (CONF-7) takes the
   * screen as it must after more than the idle time, and `secret` unlocks back to the same page.
   * The page's input handlers settle first: the idle watch notes a click through a throttle whose
   * trailing call, still pending, would otherwise date that click at the new time and keep the lock away.
   */
  async idleUntil(clock: BrowserContext['clock'], when: Date, secret: string): Promise<void> {
    // Deliberate wait: a page timer queued after the throttle's (50 ms) runs after it, whatever the machine's load.
    await this.page.evaluate(() => new Promise((settled) => setTimeout(settled, 100)))
    await clock.setFixedTime(when)
    await this.lockScreen().waitFor({ timeout: 30_000 })
    await this.unlock(secret)
    await this.lockScreen().waitFor({ state: 'detached', timeout: 30_000 })
  }

  problem() {
    return this.page.getByTestId('form-problem')
  }
}
