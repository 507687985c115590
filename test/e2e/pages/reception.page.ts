import type { Page } from 'playwright-core'

export interface VisitorDetails {
  phone?: string
  name?: string
  organisation?: string
  /** A category id of the REC-2 table (core/reception/defaults.ts `defaultCategoryIds`). */
  category?: string
  purpose: string
  /** The host's name as the staff directory shows it. */
  host?: string
  refuseReason?: string
}

export interface ShownSuggestion {
  level: string
  place: string
  offered: string
  receivedBy: string
  badge: string
}

/** The reception desk (/reception, /reception/in-building, /reception/expected). */
export class ReceptionPage {
  constructor(readonly page: Page) {}

  /** Moves between the desk's pages by its own tabs (the shell's navigation reaches /reception only). */
  async tab(name: 'register' | 'in-building' | 'expected'): Promise<void> {
    await this.page.getByTestId(`reception-tab-${name}`).click()
    await this.page.waitForURL((u) => u.pathname === (name === 'register' ? '/reception' : `/reception/${name}`))
  }

  /** Phone first: types it and looks it up; returns what the desk says (returning visitor, masked, or a new one). */
  async lookUp(phone: string): Promise<string> {
    await this.page.getByTestId('reception-phone').fill(phone)
    await this.page.getByTestId('reception-look-up').click()
    const said = this.page.getByTestId('reception-returning')
    await said.waitFor()
    return (await said.textContent())!.trim()
  }

  /** Fills what the look-up did not (a returning visitor's organisation, category and host are already there). */
  async fill(v: VisitorDetails): Promise<void> {
    if (v.name !== undefined) await this.page.getByTestId('reception-name').fill(v.name)
    if (v.organisation !== undefined) await this.page.getByTestId('reception-organisation').fill(v.organisation)
    if (v.category) await this.page.getByTestId('reception-category').selectOption(v.category)
    await this.page.getByTestId('reception-purpose').fill(v.purpose)
    if (v.host) {
      await this.page.getByTestId('host-search').fill(v.host)
      await this.page.getByTestId('host-picker').getByLabel(v.host).check()
    }
    if (v.refuseReason !== undefined) await this.page.getByTestId('reception-refuse-reason').fill(v.refuseReason)
  }

  async suggestion(): Promise<ShownSuggestion> {
    const text = async (id: string) => ((await this.page.getByTestId(id).textContent()) ?? '').trim()
    await this.page.getByTestId('reception-suggestion').waitFor()
    return {
      level: await text('suggestion-level'),
      place: await text('suggestion-place'),
      offered: await text('suggestion-offered'),
      receivedBy: await text('suggestion-received-by'),
      badge: await text('suggestion-badge'),
    }
  }

  /** Registers and returns the registered panel's text. */
  async submit(): Promise<string> {
    await this.page.getByTestId('reception-submit').click()
    const done = this.page.getByTestId('reception-registered')
    await done.waitFor()
    return (await done.textContent())!.trim()
  }

  /** The visitors in the building, as the list shows them (masked names). */
  async inBuilding(): Promise<string[]> {
    await this.page.locator('[data-testid=in-building], [data-testid=in-building-none]').first().waitFor()
    return this.page.getByTestId('in-building-row').locator('td:first-child').allTextContents()
  }

  async checkOut(maskedName: string): Promise<void> {
    await this.page.getByTestId('in-building-row').filter({ hasText: maskedName }).getByTestId('visit-checkout').click()
  }

  // REC-4, REC-6: the badge desk (ReceptionBadgePanel, ReceptionBadgeCheckout).

  /** The registered visit's badge, once signed and its QR drawn: the QR text the badge carries. */
  async badgeShown(): Promise<string> {
    await this.page.locator('[data-testid=visitor-badge-qr][data-state=ready]').waitFor()
    return (await this.page.getByTestId('visitor-badge').getAttribute('data-qr')) ?? ''
  }

  async chooseBadgeSize(size: 'label' | 'a6'): Promise<void> {
    await this.page.getByTestId(`badge-size-${size}`).check()
  }

  /** "Print badge"; the browser's print dialog is replaced by a counter (headless Chromium shows none). */
  async printBadge(): Promise<number> {
    await this.page.evaluate(() => {
      const w = window as unknown as { printed: number; print: () => void }
      w.printed = 0
      w.print = () => void (w.printed += 1)
    })
    await this.page.getByTestId('badge-print').click()
    await this.page.locator('[data-testid=badge-print-status]:not(:empty)').waitFor()
    return this.page.evaluate(() => (window as unknown as { printed: number }).printed)
  }

  /** A picture of the badge's QR, as a visitor hands the badge in: scrolled to the top, clear of the app's notices at the bottom. */
  async badgeQrImage(): Promise<Buffer> {
    await this.page.getByTestId('visitor-badge').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    return this.page.getByTestId('visitor-badge-qr').screenshot()
  }

  /** Check-out by badge, typed as a scanner does; returns what the desk says and, when refused, why. */
  async checkOutByBadgeText(text: string): Promise<{ ok: boolean; problem?: string; message: string }> {
    const before = await this.badgeScansAnswered()
    await this.page.getByTestId('badge-checkout').getByTestId('scan-text').fill(text)
    await this.page.getByTestId('badge-checkout').getByTestId('scan-text').press('Enter')
    return this.badgeCheckOutOutcome(before)
  }

  /** Check-out by badge from a photo of its QR (the check-in's photo decoder). */
  async checkOutByBadgeImage(png: Buffer): Promise<{ ok: boolean; problem?: string; message: string }> {
    const before = await this.badgeScansAnswered()
    await this.page.getByTestId('badge-checkout').getByTestId('scan-file').setInputFiles({ name: 'badge.png', mimeType: 'image/png', buffer: png })
    return this.badgeCheckOutOutcome(before)
  }

  private async badgeScansAnswered(): Promise<number> {
    return Number(await this.page.getByTestId('badge-checkout').getAttribute('data-answered'))
  }

  /** What the desk said to the scan after the `before`th (the last answer stays up until the next). */
  private async badgeCheckOutOutcome(before: number): Promise<{ ok: boolean; problem?: string; message: string }> {
    // A picture with no readable QR is the scan field's to say (scan-problem): nothing reaches the desk then.
    const answered = this.page.locator(`[data-testid=badge-checkout][data-answered="${before + 1}"]`)
    const unread = this.page.getByTestId('badge-checkout').getByTestId('scan-problem')
    await answered.or(unread).first().waitFor()
    if (await unread.isVisible()) return { ok: false, problem: 'unread', message: ((await unread.textContent()) ?? '').trim() }
    const said = this.page.locator('[data-testid=badge-checkout-done], [data-testid=badge-checkout-problem]').first()
    await said.waitFor()
    const problem = (await said.getAttribute('data-problem')) ?? undefined
    return { ok: problem === undefined, ...(problem ? { problem } : {}), message: ((await said.textContent()) ?? '').trim() }
  }
}
