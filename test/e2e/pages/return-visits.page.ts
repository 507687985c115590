import type { Locator, Page } from 'playwright-core'

/** SVC-4: the return-visit page (/service/return-visits): each visit due, its calls, closing as unreachable. */
export class ReturnVisitsPage {
  constructor(readonly page: Page) {}

  async waitForList(): Promise<void> {
    await this.page.locator('[data-testid=return-visits], [data-testid=return-visits-none]').first().waitFor({ timeout: 30_000 })
  }

  visit(requestId: string): Locator {
    return this.page.locator(`[data-testid=return-visit][data-request-id="${requestId}"]`)
  }

  /** The request ids listed, in the page's order (the soonest deadline first). */
  async listed(): Promise<string[]> {
    return this.page.locator('[data-testid=return-visit]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-request-id') ?? ''))
  }

  /** Logs a call nobody answered (or another outcome without questions) and waits until the page says it is logged. */
  async logCall(requestId: string, outcome: 'no-answer' | 'wrong-contact', note = ''): Promise<string> {
    const row = this.visit(requestId)
    const before = await row.getByTestId('return-visit-calls').locator('li').count().catch(() => 0)
    const log = row.getByTestId('return-visit-log')
    if ((await log.getAttribute('open')) === null) await log.locator('summary').click()
    await row.getByTestId(`call-outcome-${outcome}`).check()
    if (note) await row.getByTestId('call-note').fill(note)
    await row.getByTestId('call-save').click()
    await this.page.waitForFunction(
      ([id, n]) => document.querySelectorAll(`[data-testid=return-visit][data-request-id="${id}"] [data-testid=return-visit-calls] li`).length > Number(n),
      [requestId, before] as const,
      { timeout: 30_000 },
    )
    return (await this.page.getByTestId('return-visit-done').textContent())?.trim() ?? ''
  }

  async attemptsText(requestId: string): Promise<string> {
    return ((await this.visit(requestId).getByTestId('return-visit-attempts').textContent()) ?? '').trim()
  }

  /** Closes the visit as unreachable, confirming in place; waits until it leaves the list. */
  async closeUnreachable(requestId: string): Promise<string> {
    const row = this.visit(requestId)
    await row.getByTestId('return-visit-close').click()
    await row.getByTestId('return-visit-close-yes').click()
    await row.waitFor({ state: 'detached', timeout: 30_000 })
    return (await this.page.getByTestId('return-visit-done').textContent())?.trim() ?? ''
  }
}
