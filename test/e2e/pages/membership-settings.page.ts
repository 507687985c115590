import type { Page } from 'playwright-core'
import type { ShellPage } from './shell.page'

type Term = 'month' | 'halfYear' | 'year'

/** The manager's membership settings (MEM-1, MEM-2, MEM-4, MEM-5, MEM-10) at /manage/membership. */
export class MembershipSettingsPage {
  constructor(readonly page: Page) {}

  /** Through the navigation (a full load would forget the session), then waits for the form. */
  async open(shell: ShellPage): Promise<void> {
    await shell.go('/manage/membership')
    await this.form().waitFor({ timeout: 30_000 })
  }

  form() {
    return this.page.getByTestId('membership-settings-form')
  }

  price(tierId: string, term: Term) {
    return this.page.getByTestId(`price-${tierId}-${term}`)
  }

  cap(tierId: string) {
    return this.page.getByTestId(`cap-${tierId}`)
  }

  saving(tierId: string, term: Exclude<Term, 'month'>) {
    return this.page.getByTestId(`saving-${tierId}-${term}`)
  }

  /** The problems shown next to the field at `path` (`tiers.1.prices.year`). */
  problemAt(path: string) {
    return this.page.locator(`[data-problems-for="${path}"]`)
  }

  summary() {
    return this.page.getByTestId('settings-summary')
  }

  status() {
    return this.page.getByTestId('settings-status')
  }

  overrides() {
    return this.page.getByTestId('override-item')
  }

  async setPrice(tierId: string, term: Term, text: string): Promise<void> {
    await this.price(tierId, term).fill(text)
    await this.price(tierId, term).blur()
  }

  /** MEM-2: a holiday on which the space is closed for every tier. */
  async addClosedHoliday(o: { from: string; to: string; note: string }): Promise<void> {
    await this.page.getByTestId('override-add').click()
    const item = this.overrides().last()
    await item.getByTestId('override-from').fill(o.from)
    await item.getByTestId('override-to').fill(o.to)
    await item.getByTestId('override-closed').check()
    await item.getByTestId('override-note').fill(o.note)
  }

  async save(): Promise<void> {
    await this.page.getByTestId('settings-save').click()
  }

  async saveAndWait(): Promise<void> {
    await this.save()
    await this.page.waitForFunction(() => /已保存|Saved/.test(document.querySelector('[data-testid=settings-status]')?.textContent ?? ''), undefined, { timeout: 30_000 })
  }

  /** Does the page fit the viewport's width (no sideways scrolling)? */
  async fitsWidth(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
  }
}
