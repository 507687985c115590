import type { Page } from 'playwright-core'

/** Issue 15 §8: the manager's day on the home page: each figure a link to its list. */
export class OverviewPage {
  constructor(readonly page: Page) {}

  static readonly figures = ['visitors', 'members-in', 'ending', 'arrears', 'dunning', 'complaints', 'return-visits', 'devices'] as const

  /** Waits until every figure has been read, then gives each figure's value by key. */
  async figures(): Promise<Record<string, string>> {
    await this.page.locator('[data-testid=overview][data-reading=false]').waitFor({ timeout: 60_000 })
    await this.page.getByTestId('overview-as-of').waitFor({ timeout: 60_000 })
    return this.page.locator('[data-testid=overview] .tile').evaluateAll((tiles) =>
      Object.fromEntries(tiles.map((t) => [(t.getAttribute('data-testid') ?? '').replace(/^overview-/, ''), t.getAttribute('data-value') ?? ''])),
    )
  }

  /** Reads every figure again ("read again"), and gives them once read. */
  async refresh(): Promise<Record<string, string>> {
    await this.page.getByTestId('overview-refresh').click()
    return this.figures()
  }

  async note(key: string): Promise<string> {
    return ((await this.page.getByTestId(`overview-${key}`).locator('.note').textContent()) ?? '').trim()
  }

  /** Opens the figure's list and gives the path it landed on. */
  async open(key: string): Promise<string> {
    await this.page.getByTestId(`overview-${key}`).click()
    await this.page.waitForURL((u) => u.pathname !== '/')
    return new URL(this.page.url()).pathname
  }

  async deviceRows(): Promise<Array<{ device: string; healthy: boolean }>> {
    return this.page.locator('[data-testid=overview-device-table] tbody tr').evaluateAll((rows) =>
      rows.map((r) => ({ device: r.getAttribute('data-device') ?? '', healthy: r.getAttribute('data-healthy') === 'true' })),
    )
  }
}
