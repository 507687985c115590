import type { Locator, Page } from 'playwright-core'

/** One request as the queue shows it. */
export interface QueueEntry {
  customer: string
  clock: string
  overdue: boolean
  technician?: string
}

/** SVC-2: the dispatch queue (/service/queue) and the day board (/service/board). */
export class ServiceQueuePage {
  constructor(readonly page: Page) {}

  async waitFor(): Promise<void> {
    await this.page.getByTestId('service-queue-waiting').waitFor()
  }

  private group(which: 'waiting' | 'dispatched' | 'reassign'): Locator {
    return this.page.getByTestId(`service-queue-${which}`)
  }

  /** The row of the customer shown as `customer` (masked), in a group. */
  row(customer: string, which: 'waiting' | 'dispatched' | 'reassign' = 'waiting'): Locator {
    return this.group(which).getByTestId('service-queue-row').filter({ hasText: customer })
  }

  async entries(which: 'waiting' | 'dispatched' | 'reassign'): Promise<QueueEntry[]> {
    const rows = this.group(which).getByTestId('service-queue-row')
    const out: QueueEntry[] = []
    for (const row of await rows.all()) {
      const technician = row.getByTestId('service-queue-technician')
      out.push({
        customer: (await row.getByTestId('service-queue-open').innerText()).trim(),
        clock: (await row.getByTestId('service-clock').innerText()).trim(),
        overdue: (await row.getAttribute('data-overdue')) === 'yes',
        ...((await technician.count()) ? { technician: (await technician.innerText()).trim() } : {}),
      })
    }
    return out
  }

  /** Dispatches (or reassigns) the row's request to the technician shown as `technician`; returns what the page said. */
  async dispatch(row: Locator, technician: string): Promise<{ done: string } | { problem: string }> {
    await row.getByTestId('service-dispatch-technician').selectOption({ label: technician })
    await row.getByTestId('service-dispatch-submit').click()
    const done = this.page.getByTestId('service-queue-message')
    const problem = row.getByTestId('service-dispatch-problem')
    await Promise.race([done.filter({ hasText: /\S/ }).waitFor(), problem.waitFor()])
    if (await problem.isVisible()) return { problem: (await problem.innerText()).trim() }
    return { done: (await done.innerText()).trim() }
  }

  async openBoard(): Promise<void> {
    await this.page.getByTestId('service-tab-board').click()
    await this.page.waitForURL((u) => u.pathname === '/service/board')
    await this.page.locator('h1').first().waitFor()
  }

  /** The day board: each technician's name with their jobs' states. */
  async board(): Promise<{ technician: string; jobs: string[] }[]> {
    const out: { technician: string; jobs: string[] }[] = []
    for (const col of await this.page.getByTestId('service-board-column').all()) {
      const jobs = await col.getByTestId('service-board-job').evaluateAll((els) => els.map((el) => el.getAttribute('data-state') ?? ''))
      out.push({ technician: (await col.locator('h2').innerText()).trim(), jobs })
    }
    return out
  }
}
