import type { Page } from 'playwright-core'

export class PeoplePage {
  constructor(readonly page: Page) {}

  async register(p: { name: string; phone: string; idNumber: string }): Promise<void> {
    await this.page.getByTestId('person-name').fill(p.name)
    await this.page.getByTestId('person-phone').fill(p.phone)
    await this.page.getByTestId('person-id').fill(p.idNumber)
    await this.page.getByTestId('person-save').click()
    await this.page.getByRole('status').filter({ hasText: /已保存|Saved/ }).waitFor()
  }

  async findByPhone(phone: string): Promise<string[]> {
    return this.find(phone)
  }

  /** Searches (name, phone or ID number) and returns the masked names found. */
  async find(query: string): Promise<string[]> {
    // Each search's answer is numbered: wait for this one's, not the one before it still on screen.
    const status = this.page.getByTestId('people-status')
    const before = Number((await status.count()) ? await status.getAttribute('data-search') : 0)
    await this.page.getByTestId('person-search').fill(query)
    await this.page.getByTestId('person-search-submit').click()
    await this.page.locator(`[data-testid=people-status][data-search="${before + 1}"]`).waitFor()
    return this.names()
  }

  /** The masked names the list shows. */
  async names(): Promise<string[]> {
    return (await this.page.getByTestId('people-table').locator('tbody tr td:first-child [data-name]').allTextContents()).map((s) => s.trim())
  }
}
