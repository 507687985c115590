import type { Page } from 'playwright-core'

/** Issue 14 (BB-11): the phone sign-in panel on a member's page at the desk. */
export class MemberSigninPanel {
  constructor(readonly page: Page) {}

  /** Gives a one-time code (first, or after a forgotten password); returns what the member gets. */
  async issue(name?: string): Promise<{ name: string; code: string; link: string }> {
    const panel = this.page.getByTestId('member-signin-panel')
    await panel.waitFor()
    if (name !== undefined) await panel.getByTestId('member-signin-name-input').fill(name)
    await panel.getByTestId('member-signin-issue').click()
    const shown = panel.getByTestId('member-signin-code')
    await panel.locator('[data-testid=member-signin-code], [data-testid=member-signin-problem]').first().waitFor({ timeout: 30_000 })
    if (await panel.getByTestId('member-signin-problem').count()) throw new Error(`not issued: ${await panel.getByTestId('member-signin-problem').innerText()}`)
    const code = (await shown.getByTestId('member-signin-code-text').innerText()).trim()
    const signInName = (await shown.getByTestId('member-signin-name').innerText()).trim()
    // What the QR beside it holds.
    const link = (await shown.getAttribute('data-link')) ?? ''
    return { name: signInName, code, link }
  }

  async done(): Promise<void> {
    await this.page.getByTestId('member-signin-done').click()
  }

  async problem(): Promise<string> {
    const p = this.page.getByTestId('member-signin-problem')
    await p.waitFor()
    return (await p.innerText()).trim()
  }
}
