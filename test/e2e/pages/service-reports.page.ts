import type { Page } from 'playwright-core'

/** SVC-5: the reports page (/service/reports): a day's counts and a week's report, as tables (the charts' figures). */
export class ServiceReportsPage {
  constructor(readonly page: Page) {}

  private async table(testId: string, key: string): Promise<Record<string, string>> {
    const table = this.page.getByTestId(testId)
    await table.waitFor({ timeout: 30_000 })
    return table.locator(`tbody tr[${key}]`).evaluateAll(
      (rows, attr) => Object.fromEntries(rows.map((r) => [r.getAttribute(attr) ?? '', (r.querySelector('td')?.textContent ?? '').trim()])),
      key,
    )
  }

  /** The counts of `day` (YYYY-MM-DD), by figure: received, enquiries, complaints, kind-a … kind-d. */
  async dailyCounts(day: string): Promise<Record<string, string>> {
    await this.page.getByTestId('report-day').fill(day)
    await this.page.getByTestId('report-day').dispatchEvent('change')
    await this.page.locator(`[data-testid=report-daily-table][data-day="${day}"]`).waitFor({ timeout: 30_000 })
    return this.table('report-daily-table', 'data-figure')
  }

  /** Chooses the week starting Monday `weekStart` and gives its figures, by key (completed, rate, slaBreaches…). */
  async weekly(weekStart: string): Promise<Record<string, string>> {
    await this.page.getByTestId('report-week').selectOption(weekStart)
    await this.page.locator(`[data-testid=report-weekly-table][data-week="${weekStart}"]`).waitFor({ timeout: 30_000 })
    return this.table('report-weekly-table', 'data-figure')
  }

  /** Requests received each day of the week shown, by day. */
  async receivedByDay(): Promise<Record<string, string>> {
    return this.table('report-days-table', 'data-day')
  }

  async satisfaction(): Promise<Record<string, string>> {
    return this.table('report-satisfaction-table', 'data-score')
  }

  async dueLine(): Promise<string> {
    return ((await this.page.getByTestId('report-due').textContent()) ?? '').trim()
  }

  /** Waits until every chart on the page has been drawn (the chart library loaded with the first). */
  async chartsDrawn(): Promise<number> {
    await this.page.waitForFunction(() => {
      const charts = [...document.querySelectorAll('.chart')]
      return charts.length > 0 && charts.every((c) => c.getAttribute('data-drawn') === 'true')
    }, undefined, { timeout: 30_000 })
    return this.page.locator('.chart canvas').count()
  }
}
