import type { Page } from 'playwright-core'
import type { ShellPage } from './shell.page'

/** The manager's organisation settings (issue 9 §4) at /manage/organisation. */
export class OrganisationSettingsPage {
  constructor(readonly page: Page) {}

  /** Through the navigation (a full load would forget the session), then waits for the form. */
  async open(shell: ShellPage): Promise<void> {
    await shell.go('/manage/organisation')
    await this.page.getByTestId('org-settings-form').waitFor({ timeout: 30_000 })
  }

  async setAgreement(text: { 'zh-CN': string; en: string }): Promise<void> {
    await this.page.getByTestId('org-agreement-zh-CN').fill(text['zh-CN'])
    await this.page.getByTestId('org-agreement-en').fill(text.en)
  }

  async addHoliday(date: string, name: string): Promise<void> {
    await this.page.getByTestId('holiday-add').click()
    await this.page.getByTestId('holiday-date').last().fill(date)
    await this.page.getByTestId('holiday-name').last().fill(name)
  }

  /** Saves and returns what the status line then says. */
  async save(): Promise<string> {
    await this.page.getByTestId('org-settings-save').click()
    await this.page.waitForFunction(() => (document.querySelector('[data-testid=org-settings-status]')?.textContent ?? '').trim() !== '')
    return (await this.page.getByTestId('org-settings-status').textContent())!.trim()
  }
}
