import type { Page } from 'playwright-core'

export class StaffAdminPage {
  constructor(readonly page: Page) {}

  /** Creates an account and returns the one-time setup code shown for it. */
  async create(s: { name: string; username: string; role: string }): Promise<string> {
    await this.page.getByTestId('staff-name').fill(s.name)
    await this.page.getByTestId('staff-username').fill(s.username)
    await this.page.getByTestId('staff-role').selectOption(s.role)
    await this.page.getByTestId('staff-create').click()
    const code = (await this.page.getByTestId('setup-code').textContent({ timeout: 60_000 }))?.trim() ?? ''
    await this.page.getByTestId('setup-code-done').click()
    return code
  }

  /** CONF-9: deactivates the account shown with `name`, confirming in place; returns what the page said. */
  async deactivate(name: string): Promise<string> {
    await this.page.getByTestId('staff-table').locator('tbody tr').filter({ hasText: name }).getByTestId('staff-deactivate').click()
    await this.page.getByTestId('deactivate-yes').click()
    const result = this.page.getByTestId('deactivate-result')
    await result.waitFor({ timeout: 60_000 })
    return (await result.textContent())!.trim()
  }
}
