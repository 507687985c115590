import type { Page } from 'playwright-core'

/** The desk's check-in screen (/checkin): scan or type, read the verdict, act on it. */
export class CheckinPage {
  constructor(readonly page: Page) {}

  /** What a USB scanner does: types the text into the focused field and presses Enter. */
  async scanText(text: string): Promise<Verdict> {
    await this.page.getByTestId('scan-text').fill(text)
    await this.page.getByTestId('scan-text').press('Enter')
    return this.verdict()
  }

  /** The "scan from a photo" path: an image of the card's QR code. */
  async scanImage(png: Buffer): Promise<Verdict> {
    await this.page.getByTestId('scan-file').setInputFiles({ name: 'card.png', mimeType: 'image/png', buffer: png })
    return this.verdict()
  }

  async verdict(): Promise<Verdict> {
    const el = this.page.getByTestId('checkin-verdict')
    await el.waitFor()
    return { verdict: (await el.getAttribute('data-verdict'))!, message: (await this.page.getByTestId('verdict-message').textContent())!.trim() }
  }

  async dismiss(): Promise<void> {
    await this.page.getByTestId('verdict-dismiss').click()
    await this.page.getByTestId('checkin-verdict').waitFor({ state: 'detached' })
  }

  async override(reason: string): Promise<Verdict> {
    if ((await this.page.getByTestId('override-reason').count()) === 0) await this.page.getByTestId('override-open').click()
    await this.page.getByTestId('override-reason').fill(reason)
    await this.page.getByTestId('override-confirm').click()
    await this.page.locator('[data-testid=checkin-verdict][data-verdict=admit]').waitFor()
    return this.verdict()
  }

  async present(): Promise<string[]> {
    const table = this.page.getByTestId('checkin-present')
    if ((await table.count()) === 0) return []
    return table.locator('tbody tr td:nth-child(2)').allTextContents()
  }
}

export interface Verdict {
  /** `admit`, or the refusal reason (`outside-hours`, `forged-card`, …). */
  verdict: string
  message: string
}
