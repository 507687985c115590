import type { Page } from 'playwright-core'

/** What the request form takes; anything left out is left as it is (blank on a new form). */
export interface RequestEntry {
  phone?: string
  address?: string
  product?: string
  model?: string
  spec?: string
  purchaseDate?: string
  purchasePlace?: string
  fault?: string
  kind?: 'a' | 'b' | 'c' | 'd'
  nature?: 'request' | 'enquiry'
  complaint?: boolean
  faultReport?: boolean
  /** The account chosen from the subscriber's (its number), or typed at a front desk. */
  account?: string
}

/** SVC-1: the service office's intake, /service/new. */
export class ServiceIntakePage {
  constructor(readonly page: Page) {}

  async waitFor(): Promise<void> {
    await this.page.getByTestId('service-intake-form').waitFor()
  }

  /** Registers a new directory person as the customer; they are chosen at once. */
  async registerCustomer(person: { name: string; phone?: string; address?: string }): Promise<void> {
    await this.page.getByTestId('service-customer-add').click()
    await this.page.getByTestId('service-person-name').fill(person.name)
    if (person.phone !== undefined) await this.page.getByTestId('service-person-phone').fill(person.phone)
    if (person.address !== undefined) await this.page.getByTestId('service-person-address').fill(person.address)
    await this.page.getByTestId('service-person-save').click()
    await this.page.getByTestId('service-customer-chosen').waitFor()
  }

  /** Finds a customer by phone or name and chooses the first found; returns what the choice says (masked). */
  async chooseCustomer(query: string): Promise<string> {
    await this.page.getByTestId('service-customer-query').fill(query)
    await this.page.getByTestId('service-customer-search').click()
    await this.page.getByTestId('service-customer-pick').first().click()
    return (await this.page.getByTestId('service-customer-chosen').innerText()).trim()
  }

  async fill(entry: RequestEntry): Promise<void> {
    const text: [keyof RequestEntry, string][] = [
      ['phone', 'service-phone'], ['address', 'service-address'], ['product', 'service-product'], ['model', 'service-model'], ['spec', 'service-spec'],
      ['purchaseDate', 'service-purchase-date'], ['purchasePlace', 'service-purchase-place'], ['fault', 'service-fault'],
    ]
    for (const [key, testId] of text) if (entry[key] !== undefined) await this.page.getByTestId(testId).fill(String(entry[key]))
    if (entry.kind) await this.page.getByTestId(`service-kind-${entry.kind}`).check()
    if (entry.nature) await this.page.getByTestId(`service-nature-${entry.nature}`).check()
    if (entry.complaint !== undefined) await this.page.getByTestId('service-complaint').setChecked(entry.complaint)
    if (entry.faultReport !== undefined) await this.page.getByTestId('service-fault-report').setChecked(entry.faultReport)
    if (entry.account !== undefined) {
      const select = this.page.getByTestId('service-account')
      if (await select.isVisible()) await select.selectOption({ label: entry.account })
      else await this.page.getByTestId('service-account-no').fill(entry.account)
    }
  }

  /** Submits: taken (with the request's address) or refused with the messages at the fields, in page order. */
  async submit(): Promise<{ taken: true; path: string } | { taken: false; problems: string[] }> {
    const taken = this.page.getByTestId('service-taken-link')
    const refused = this.page.getByTestId('service-intake-problems')
    const submit = this.page.getByTestId('service-submit')
    await submit.click()
    // The page clears the last attempt's messages as it submits; the answer is whichever shows once it is done.
    await this.page.waitForFunction(() => !document.querySelector('[data-testid=service-submit]')?.hasAttribute('disabled'))
    await Promise.race([taken.waitFor(), refused.waitFor()])
    if (await taken.isVisible()) return { taken: true, path: (await taken.getAttribute('href')) ?? '' }
    return { taken: false, problems: (await this.page.getByTestId('service-intake-form').locator('.field-error').allInnerTexts()).map((s) => s.trim()) }
  }

  /** BB-3: the arrears note under the chosen customer, if any. */
  async arrearsNote(): Promise<string | undefined> {
    const note = this.page.getByTestId('service-customer-arrears')
    return (await note.isVisible()) ? (await note.innerText()).trim() : undefined
  }
}
