import type { Page } from 'playwright-core'

/** The broadband desk (issue 12): find, open an account, one account's page, its statement. ui-b's runs extend it. */
export class BroadbandPage {
  constructor(readonly page: Page) {}

  // ——— Find ———

  /** The account numbers a search finds (waits for the answer: rows or "none"). */
  async find(query: string): Promise<string[]> {
    await this.page.getByTestId('broadband-query').fill(query)
    await this.page.getByTestId('broadband-find').click()
    await this.page.locator('[data-testid=broadband-result], [data-testid=broadband-none]').first().waitFor()
    return (await this.page.getByTestId('broadband-result').locator('td:first-child').allTextContents()).map((s) => s.trim())
  }

  // ——— Open an account ———

  /** Adds a new directory person as the subscriber and chooses them. */
  async addSubscriber(p: { name: string; phone: string; idNumber?: string }): Promise<void> {
    await this.page.getByTestId('broadband-subscriber-add').click()
    await this.page.getByTestId('broadband-person-name').fill(p.name)
    await this.page.getByTestId('broadband-person-phone').fill(p.phone)
    if (p.idNumber) await this.page.getByTestId('broadband-person-id').fill(p.idNumber)
    await this.page.getByTestId('broadband-person-save').click()
    await this.page.getByTestId('broadband-subscriber-chosen').waitFor()
  }

  async fillAgreement(a: { accountNo: string; accountName: string; planName: string; monthlyFee: string; singlePortFee: string; cycleStart: string; cycleEnd: string }): Promise<void> {
    await this.page.getByTestId('broadband-account-no').fill(a.accountNo)
    await this.page.getByTestId('broadband-account-name').fill(a.accountName)
    await this.page.getByTestId('broadband-plan-name').fill(a.planName)
    await this.page.getByTestId('broadband-monthly-fee').fill(a.monthlyFee)
    await this.page.getByTestId('broadband-single-port-fee').fill(a.singlePortFee)
    await this.page.getByTestId('broadband-cycle-start').fill(a.cycleStart)
    await this.page.getByTestId('broadband-cycle-end').fill(a.cycleEnd)
  }

  /** Submits the open form; resolves on the account page, or with the problems shown next to fields. */
  async submitOpen(): Promise<{ opened: true } | { opened: false; problems: string[] }> {
    await this.page.getByTestId('broadband-open-submit').click()
    const result = await Promise.race([
      this.page.waitForURL(/\/broadband\/accounts\//).then(() => 'opened' as const),
      this.page.locator('[data-testid=broadband-open-form] .field-error').first().waitFor().then(() => 'refused' as const),
    ])
    if (result === 'opened') {
      await this.page.getByTestId('broadband-status').waitFor()
      return { opened: true }
    }
    return { opened: false, problems: await this.page.locator('[data-testid=broadband-open-form] .field-error').allTextContents() }
  }

  // ——— One account ———

  async status(): Promise<string> {
    return ((await this.page.getByTestId('broadband-status').textContent()) ?? '').trim()
  }

  async balance(): Promise<string> {
    return ((await this.page.getByTestId('broadband-balance').textContent()) ?? '').trim()
  }

  /** A status action by its button (`start`, `suspend`, `reactivate`, `terminate-notice`, …), confirmed; waits for the status to change. */
  async statusAction(name: string, on?: string): Promise<void> {
    if (on) await this.page.getByTestId('broadband-status-on').fill(on)
    const before = await this.status()
    await this.page.getByTestId(`broadband-${name}`).click()
    await this.page.getByTestId(`broadband-${name}-yes`).click()
    await this.page.waitForFunction((was) => document.querySelector('[data-testid=broadband-status]')?.textContent?.trim() !== was, before)
  }

  /** The channels the payment form offers (their values). */
  async paymentChannels(): Promise<string[]> {
    return this.page.locator('[data-testid=broadband-payment] input[type=radio]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
  }

  /** Takes a payment; resolves with the confirmation, or the problems shown next to fields. */
  async pay(p: { amount: string; channel?: string; receiptNo: string }): Promise<{ done: string } | { problems: string[] }> {
    const form = this.page.getByTestId('broadband-payment')
    await this.page.getByTestId('broadband-payment-amount').fill(p.amount)
    if (p.channel) await this.page.getByTestId(`broadband-channel-${p.channel}`).check()
    await this.page.getByTestId('broadband-receipt-no').fill(p.receiptNo)
    await this.page.getByTestId('broadband-payment-submit').click()
    const outcome = await Promise.race([
      this.page.getByTestId('broadband-payment-done').waitFor().then(() => 'done' as const),
      form.locator('.field-error').first().waitFor().then(() => 'refused' as const),
    ])
    if (outcome === 'done') return { done: ((await this.page.getByTestId('broadband-payment-done').textContent()) ?? '').trim() }
    return { problems: (await form.locator('.field-error').allTextContents()).map((s) => s.trim()) }
  }

  /** BB-10: types the extra terminals; returns the preview's sentences (amount, the day service resumes). */
  async backChargePreview(terminals: string): Promise<string[]> {
    await this.page.getByTestId('broadband-back-charge-terminals').fill(terminals)
    const preview = this.page.getByTestId('broadband-back-charge-preview')
    await preview.waitFor()
    return (await preview.locator('p').allTextContents()).map((s) => s.trim())
  }

  async postBackCharge(): Promise<void> {
    await this.page.getByTestId('broadband-back-charge-submit').click()
    await this.page.getByTestId('broadband-back-charge-preview').waitFor({ state: 'detached' })
  }

  /** BB-7: disputes the newest disputable charge with `reason`. */
  async dispute(reason: string): Promise<void> {
    await this.page.getByTestId('broadband-dispute-open').first().click()
    await this.page.getByTestId('broadband-dispute-reason').fill(reason)
    await this.page.getByTestId('broadband-dispute-submit').click()
    await this.page.getByTestId('broadband-dispute').first().waitFor()
  }

  async disputeStatuses(): Promise<string[]> {
    return (await this.page.getByTestId('broadband-dispute-status').allTextContents()).map((s) => s.trim())
  }

  /** BB-7: resolves the first open dispute; waits until its status shows the outcome. */
  async resolveDispute(outcome: 'upheld' | 'rejected', resolution: string): Promise<void> {
    await this.page.getByTestId('broadband-dispute-resolution').first().fill(resolution)
    await this.page.getByTestId(outcome === 'upheld' ? 'broadband-dispute-uphold' : 'broadband-dispute-reject').first().click()
    await this.page.getByTestId('broadband-dispute-resolution').first().waitFor({ state: 'detached' })
  }
}
