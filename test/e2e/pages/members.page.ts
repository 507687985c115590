import type { Locator, Page } from 'playwright-core'

export interface NewPerson {
  name: string
  phone: string
  idNumber?: string
}

export interface Fee {
  tier: string
  term: 'month' | 'halfYear' | 'year'
  method?: 'cash' | 'card' | 'transfer'
  receiptNo: string
}

/** The membership desk's screens: /members, /members/enrol and /members/:id. */
export class MembersPage {
  constructor(readonly page: Page) {}

  // --- enrolment ---

  async startEnrol(): Promise<void> {
    await this.page.getByTestId('members-enrol').click()
    await this.page.waitForURL((u) => u.pathname === '/members/enrol')
  }

  /** Looks the phone up first (blind index) and returns what the live region said. */
  async lookUp(phone: string): Promise<string> {
    await this.page.getByTestId('enrol-phone').fill(phone)
    await this.page.getByTestId('enrol-lookup').click()
    const status = this.page.getByTestId('enrol-lookup-status')
    await this.page.waitForFunction(() => (document.querySelector('[data-testid=enrol-lookup-status]')?.textContent ?? '').trim() !== '')
    return (await status.textContent())!.trim()
  }

  /** Registers the person the lookup did not find (the phone is already filled in). */
  async registerNew(p: NewPerson): Promise<void> {
    await this.page.getByTestId('enrol-name').fill(p.name)
    await this.page.getByTestId('enrol-new-phone').fill(p.phone)
    await this.page.getByTestId('enrol-id').fill(p.idNumber ?? '')
    await this.page.getByTestId('enrol-register-save').click()
    await this.page.getByTestId('enrol-form').waitFor()
  }

  async chooseFound(index = 0): Promise<void> {
    await this.page.getByTestId('enrol-person').nth(index).check()
  }

  async chooseTierAndTerm(tier: string, term: Fee['term']): Promise<void> {
    await this.page.getByTestId(`tier-${tier}`).check()
    await this.page.getByTestId(`term-${term}`).check()
    await this.page.locator(`[data-testid=fee-quote][data-tier="${tier}"][data-term="${term}"], [data-testid=member-problem]`).first().waitFor()
  }

  /** The quote shown before confirming, as the desk reads it. */
  async quote(): Promise<Quote> {
    const q = this.page.getByTestId('fee-quote')
    await q.waitFor()
    const text = async (id: string) => ((await q.getByTestId(id).count()) ? (await q.getByTestId(id).innerText()).trim() : undefined)
    const dates = q.getByTestId('quote-dates')
    return {
      start: (await dates.getAttribute('data-start'))!,
      end: (await dates.getAttribute('data-end'))!,
      listed: (await text('quote-listed'))!,
      saving: await text('quote-saving'),
      credit: await text('quote-credit'),
      deposit: await text('quote-deposit'),
      total: (await text('quote-total'))!,
      totalFen: Number(await q.getAttribute('data-total')),
    }
  }

  /** Method and receipt number, in `within` when the page has several payment forms (renewal, deposit return). */
  async fillPayment(fee: Pick<Fee, 'method' | 'receiptNo'>, within: Page | Locator = this.page): Promise<void> {
    await within.getByTestId(`method-${fee.method ?? 'cash'}`).check()
    await within.getByTestId('receipt-no').fill(fee.receiptNo)
  }

  /** Confirms the enrolment and lands on the new member's page; returns the member id. */
  async confirmEnrol(): Promise<string> {
    await this.page.getByTestId('enrol-confirm').click()
    await this.page.waitForURL((u) => /^\/members\/(?!enrol$)[^/]+$/.test(u.pathname))
    await this.page.getByTestId('member-summary').waitFor()
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/').pop()!)
  }

  /** The whole enrolment of someone not registered yet. */
  async enrolNewPerson(p: NewPerson, fee: Fee): Promise<{ memberId: string; quote: Quote }> {
    await this.startEnrol()
    await this.lookUp(p.phone)
    await this.registerNew(p)
    await this.chooseTierAndTerm(fee.tier, fee.term)
    const quote = await this.quote()
    await this.fillPayment(fee)
    return { memberId: await this.confirmEnrol(), quote }
  }

  // --- the member's page ---

  async summary(): Promise<Summary> {
    const s = this.page.getByTestId('member-summary')
    await s.waitFor()
    const term = s.getByTestId('member-term')
    return {
      memberNo: (await s.getByTestId('member-no').innerText()).trim(),
      tierId: (await s.getByTestId('member-tier').getAttribute('data-tier')) ?? '',
      tier: (await s.getByTestId('member-tier').innerText()).trim(),
      start: (await term.getAttribute('data-start')) ?? '',
      end: (await term.getAttribute('data-end')) ?? '',
      status: (await s.getByTestId('member-status').getAttribute('data-status')) ?? '',
      points: Number(await s.getByTestId('member-points').getAttribute('data-points')),
      depositFen: Number(await s.getByTestId('member-deposit').getAttribute('data-fen')),
      deposit: (await s.getByTestId('member-deposit').innerText()).trim(),
    }
  }

  /** The card's QR text once the QR is drawn. */
  async cardQr(): Promise<string> {
    await this.page.locator('[data-testid=member-card-qr][data-state=ready]').waitFor()
    return (await this.page.getByTestId('member-card').getAttribute('data-qr')) ?? ''
  }

  /** Renewal or upgrade on the member's page: choose, read the quote, pay, confirm. */
  async pay(fee: Fee): Promise<Quote> {
    const form = this.page.getByTestId('member-pay')
    await form.getByTestId(`tier-${fee.tier}`).check()
    await form.getByTestId(`term-${fee.term}`).check()
    await form.locator(`[data-testid=fee-quote][data-tier="${fee.tier}"][data-term="${fee.term}"]`).waitFor()
    const quote = await this.quote()
    await this.fillPayment(fee, form)
    await form.getByTestId('pay-confirm').click()
    await this.page.waitForFunction(() => (document.querySelector('[data-testid=pay-done]')?.textContent ?? '').trim() !== '')
    return quote
  }

  async history(): Promise<{ kind: string; cells: string[] }[]> {
    const rows = this.page.getByTestId('member-history').locator('tbody tr')
    const out: { kind: string; cells: string[] }[] = []
    for (let i = 0; i < (await rows.count()); i++) {
      out.push({ kind: (await rows.nth(i).getAttribute('data-kind')) ?? '', cells: (await rows.nth(i).locator('td').allInnerTexts()).map((c) => c.trim()) })
    }
    return out
  }

  // --- the list ---

  /** Searches the list by member number or phone; returns the member numbers shown. */
  async search(query: string): Promise<string[]> {
    await this.page.getByTestId('members-search').fill(query)
    await this.page.getByTestId('members-search-submit').click()
    await this.page.waitForFunction(() => (document.querySelector('[data-testid=members-search-status]')?.textContent ?? '').trim() !== '')
    return this.memberNumbers()
  }

  /** From the list: finds the member by number and opens their page. */
  async openMember(memberNo: string): Promise<void> {
    await this.search(memberNo)
    await this.page.getByTestId('members-table').locator('tbody tr', { hasText: memberNo }).getByTestId('member-open').click()
    await this.page.waitForURL((u) => /^\/members\/(?!enrol$)[^/]+$/.test(u.pathname))
    await this.page.getByTestId('member-summary').waitFor()
  }

  async memberNumbers(): Promise<string[]> {
    // A device's first opening of the list folds it once ("Preparing the members list…"): wait for the rows.
    await this.page.locator('[data-testid=members-list][data-state=ready]').waitFor()
    const table = this.page.getByTestId('members-table')
    if ((await table.count()) === 0) return []
    return (await table.locator('tbody tr td:nth-child(2)').allInnerTexts()).map((s) => s.trim())
  }

  /** Waits until the page has no horizontal scroll: the layout fits the viewport. */
  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  }
}

export interface Quote {
  start: string
  end: string
  listed: string
  saving?: string
  credit?: string
  deposit?: string
  total: string
  totalFen: number
}

export interface Summary {
  memberNo: string
  tierId: string
  tier: string
  start: string
  end: string
  status: string
  points: number
  depositFen: number
  deposit: string
}
