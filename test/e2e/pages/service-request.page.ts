import type { Page } from 'playwright-core'

/** SVC-1 … SVC-3: one request's page, /service/requests/:id. */
export class ServiceRequestPage {
  constructor(readonly page: Page) {}

  async waitFor(): Promise<void> {
    await this.page.getByTestId('service-request-details').waitFor()
  }

  async status(): Promise<string> {
    return (await this.page.getByTestId('service-request-status').innerText()).trim()
  }

  async technician(): Promise<string | undefined> {
    const t = this.page.getByTestId('service-request-technician')
    return (await t.count()) ? (await t.innerText()).trim() : undefined
  }

  /** The history, oldest first, each line as shown. */
  async history(): Promise<string[]> {
    return (await this.page.getByTestId('service-request-history').locator('li').allInnerTexts()).map((s) => s.trim())
  }

  /** SVC-3: the finished work taken in: the work done, how many photos are shown, whether a signature is. */
  async completions(): Promise<{ work: string; photos: number; signed: boolean }[]> {
    const out: { work: string; photos: number; signed: boolean }[] = []
    for (const c of await this.page.getByTestId('service-completion').all()) {
      out.push({
        work: (await c.getByTestId('service-completion-work').innerText()).trim(),
        photos: await c.getByTestId('service-completion-photo').count(),
        signed: (await c.getByTestId('service-completion-signature').count()) > 0,
      })
    }
    return out
  }

  /** Dispatches (or reassigns) from the request page; returns what the page said. */
  async dispatch(technician: string): Promise<{ done: string } | { problem: string }> {
    await this.page.getByTestId('service-dispatch-technician').selectOption({ label: technician })
    await this.page.getByTestId('service-dispatch-submit').click()
    const done = this.page.getByTestId('service-request-message')
    const problem = this.page.getByTestId('service-dispatch-problem')
    await Promise.race([done.filter({ hasText: /\S/ }).waitFor(), problem.waitFor()])
    if (await problem.isVisible()) return { problem: (await problem.innerText()).trim() }
    return { done: (await done.innerText()).trim() }
  }

  /** Issue 15 §6: opens the broadband outage form from a fault report, prefilled; returns what it holds. */
  async openOutageForm(): Promise<{ accounts: string; start: string }> {
    await this.page.getByTestId('service-outage-open').click()
    return { accounts: await this.page.getByTestId('outage-accounts').inputValue(), start: await this.page.getByTestId('outage-start').inputValue() }
  }
}
