import type { Page } from 'playwright-core'
import { ShellPage } from './shell.page'

export class DiagnosticsPage extends ShellPage {
  constructor(page: Page, baseUrl: string) {
    super(page, baseUrl)
  }

  async openDiagnostics(): Promise<void> {
    await this.open('/diagnostics')
    await this.page.getByTestId('diagnostics').waitFor()
  }

  async version(): Promise<string> {
    return (await this.page.getByTestId('app-version').textContent())?.trim() ?? ''
  }

  async serviceWorkerState(): Promise<string | null> {
    return this.page.getByTestId('sw-state').getAttribute('data-state')
  }

  async checkForUpdate(): Promise<void> {
    await this.page.getByTestId('check-update').click()
  }
}
