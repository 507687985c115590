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
    await this.page.getByTestId('person-search').fill(phone)
    await this.page.getByTestId('person-search-submit').click()
    await this.page.getByRole('status').filter({ hasText: /找到|found|没有|Nobody/ }).waitFor()
    return this.page.getByTestId('people-table').locator('tbody tr td:first-child').allTextContents()
  }
}
