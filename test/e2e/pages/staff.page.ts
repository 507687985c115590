import type { Page } from 'playwright-core'

export class StaffAdminPage {
  constructor(readonly page: Page) {}

  /** Creates an account and returns the one-time setup code shown for it. */
  async create(s: { name: string; username: string; role: string; department?: string }): Promise<string> {
    await this.page.getByTestId('staff-name').fill(s.name)
    await this.page.getByTestId('staff-username').fill(s.username)
    if (s.department !== undefined) await this.page.getByTestId('staff-department-new').fill(s.department)
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

  private row(name: string) {
    return this.page.getByTestId('staff-table').locator('tbody tr').filter({ hasText: name })
  }

  /** REC-1: the department the list shows for the account shown with `name`. */
  async department(name: string): Promise<string> {
    return ((await this.row(name).getByTestId('staff-department').textContent()) ?? '').trim()
  }

  /** REC-1: changes the department of the account shown with `name`, in place; waits until the list shows it. */
  async setDepartment(name: string, department: string): Promise<void> {
    await this.row(name).getByTestId('staff-department-edit').click()
    await this.row(name).getByTestId('staff-department-input').fill(department)
    await this.row(name).getByTestId('staff-department-save').click()
    await this.row(name).getByTestId('staff-department-form').waitFor({ state: 'detached' })
  }
}
