import { BroadbandPage } from './broadband.page'

/** The broadband desk's runs (bill run, worklist, outages, notices, months charged twice), on top of the account side's page object. */
export class BroadbandOpsPage extends BroadbandPage {
  /** Moves to one of the desk's tabs through its tab bar (an in-app move: works offline, keeps the session). */
  async tab(name: 'find' | 'bill-run' | 'worklist' | 'outages' | 'notices' | 'duplicates'): Promise<void> {
    const path = name === 'find' ? '/broadband' : `/broadband/${name}`
    // The tab of the page already shown moves nothing: no navigation to wait for.
    if (new URL(this.page.url()).pathname !== path) {
      await this.page.getByTestId(`broadband-tab-${name}`).click()
      // An in-app move: the address changes, no document loads (so no "load" to wait for).
      await this.page.waitForURL((u) => u.pathname === path, { waitUntil: 'commit' })
    }
    await this.page.locator('h1').first().waitFor()
  }

  /** The bill run's preview of `month`: each charged account with its amount, and whether everything was already billed. */
  async previewBillRun(month: string): Promise<{ charges: Array<[string, string]>; allBilled: boolean }> {
    await this.page.getByTestId('bill-run-month').fill(month)
    await this.page.getByTestId('bill-run-preview').click()
    await this.page.getByTestId('bill-run-plan').waitFor()
    const rows = this.page.getByTestId('bill-run-charge')
    const charges: Array<[string, string]> = []
    for (const row of await rows.all()) charges.push([(await row.getAttribute('data-account-no')) ?? '', ((await row.getByTestId('bill-run-amount').textContent()) ?? '').trim()])
    return { charges, allBilled: (await this.page.getByTestId('bill-run-all-billed').count()) > 0 }
  }

  /** Previews `month` and posts it, confirmed; resolves with the page's confirmation. */
  async postBillRun(month: string): Promise<string> {
    await this.previewBillRun(month)
    await this.page.getByTestId('bill-run-post').click()
    await this.page.getByTestId('bill-run-post-yes').click()
    await this.page.waitForFunction(() => !document.querySelector('[data-testid=bill-run-done]')?.hasAttribute('hidden'))
    return ((await this.page.getByTestId('bill-run-done').textContent()) ?? '').trim()
  }

  /** Opens an account from the find tab by its number (an in-app move). */
  async openAccount(accountNo: string): Promise<void> {
    await this.tab('find')
    await this.find(accountNo)
    await this.page.getByTestId('broadband-result').getByRole('link', { name: accountNo }).click()
    await this.page.getByTestId('broadband-status').waitFor()
  }

  /** BB-8, BB-13: the notices on the open account's statement for this month (its link on the account page), as their texts. */
  async statementNotices(): Promise<string[]> {
    await this.page.getByTestId('broadband-statement-link').click()
    await this.page.getByTestId('broadband-statement-lines').waitFor()
    await this.page.getByTestId('broadband-statement-notice').first().waitFor()
    return (await this.page.getByTestId('broadband-statement-notice').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim())
  }

  /** The months charged twice still to decide, as `accountNo month` with how many charges each. */
  async duplicates(): Promise<Array<{ accountNo: string; month: string; charges: number }>> {
    await this.page.locator('[data-testid=duplicate-row], [data-testid=duplicates-none]').first().waitFor()
    const out: Array<{ accountNo: string; month: string; charges: number }> = []
    for (const row of await this.page.getByTestId('duplicate-row').all()) {
      out.push({ accountNo: (await row.getAttribute('data-account-no')) ?? '', month: (await row.getAttribute('data-month')) ?? '', charges: await row.getByTestId('duplicate-charge').count() })
    }
    return out
  }

  /** Keeps the `index`th charge of the account's month as the one that counts, confirmed. */
  async keepCharge(accountNo: string, month: string, index: number): Promise<void> {
    const row = this.page.locator(`[data-testid=duplicate-row][data-account-no="${accountNo}"][data-month="${month}"]`)
    const charge = row.getByTestId('duplicate-charge').nth(index)
    await charge.getByTestId('duplicate-keep').click()
    await charge.getByTestId('duplicate-keep-yes').click()
    await row.waitFor({ state: 'detached' })
  }
}
