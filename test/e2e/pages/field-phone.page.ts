import type { Page } from 'playwright-core'
import { originFacts, type OriginFacts } from '../support/origin-storage'
import { AuthPage } from './auth.page'

/** The technician's phone (issue 15 §4, SVC-3): today's jobs and a job's page, at 390×844. */
export class FieldPhonePage extends AuthPage {
  constructor(page: Page, baseUrl: string) {
    super(page, baseUrl)
  }

  /** A fresh phone joins with the one-time code, chooses a passphrase and lands on today's jobs (not the home page). */
  async firstSignIn(username: string, code: string, passphrase: string): Promise<void> {
    await this.join(username, code)
    await this.page.getByTestId('first-sign-in').waitFor({ timeout: 60_000 })
    await this.page.getByTestId('agreement-accept').check()
    await this.page.getByTestId('first-passphrase').fill(passphrase)
    await this.page.getByTestId('first-passphrase-confirm').fill(passphrase)
    await this.page.getByTestId('first-submit').click()
    await this.page.waitForURL((u) => u.pathname === '/field', { timeout: 60_000 })
  }

  /** After a reload the keys are gone: sign in again (offline too), back to where the phone was. */
  async signInAgain(username: string, passphrase: string): Promise<void> {
    await this.page.getByTestId('sign-in').waitFor({ timeout: 30_000 })
    await this.signIn(username, passphrase)
    await this.page.getByTestId('sign-in').waitFor({ state: 'detached', timeout: 60_000 })
  }

  /** The "offline ready" notice sits over the bottom of a phone's page: out of the way, as a person would. */
  async dismissNotices(): Promise<void> {
    await this.page.getByTestId('offline-ready').getByRole('button').click({ timeout: 3_000 }).catch(() => undefined)
  }

  jobRow(customer: string) {
    return this.page.getByTestId('field-job-row').filter({ hasText: customer })
  }

  /** Waits (sync rounds) until today's jobs list `customer`. */
  async waitForJob(customer: string, timeout = 60_000): Promise<void> {
    await this.jobRow(customer).waitFor({ timeout })
  }

  async openJob(customer: string): Promise<void> {
    await this.jobRow(customer).getByTestId('field-job-link').click()
    await this.page.getByTestId('field-job-customer').waitFor()
  }

  async backToJobs(): Promise<void> {
    await this.page.getByTestId('field-back').click()
    await this.page.waitForURL((u) => u.pathname === '/field')
  }

  async start(): Promise<string> {
    await this.page.getByTestId('field-job-start').click()
    return (await this.page.getByTestId('field-started-at').textContent({ timeout: 10_000 }))!.trim()
  }

  /** Types the work done and leaves the field (what waits is saved then). */
  async workDone(text: string): Promise<void> {
    await this.page.getByTestId('field-work-done').fill(text)
    await this.page.getByTestId('field-work-done').blur()
    await this.page.getByTestId('field-saved').waitFor()
  }

  async addPart(name: string, qty: string): Promise<void> {
    await this.page.getByTestId('field-part-add').click()
    const row = this.page.getByTestId('field-part').last()
    await row.getByTestId('field-part-name').fill(name)
    await row.getByTestId('field-part-qty').fill(qty)
    await row.getByTestId('field-part-qty').blur()
  }

  async charge(yuan: string): Promise<void> {
    await this.page.getByTestId('field-charge').fill(yuan)
    await this.page.getByTestId('field-charge').blur()
  }

  /** A JPEG the phone's camera might give (drawn in the page), as bytes. */
  async cameraJpeg(width = 2400, height = 1800): Promise<Buffer> {
    const base64 = await this.page.evaluate(
      async ({ width, height }) => {
        const canvas = new OffscreenCanvas(width, height)
        const ctx = canvas.getContext('2d')!
        const gradient = ctx.createLinearGradient(0, 0, width, height)
        gradient.addColorStop(0, '#2b6cb0')
        gradient.addColorStop(1, '#f6ad55')
        ctx.fillStyle = gradient
        ctx.fillRect(0, 0, width, height)
        ctx.fillStyle = '#fff'
        ctx.font = `${Math.round(height / 8)}px sans-serif`
        ctx.fillText('SN 2026-0042', width / 10, height / 2)
        const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer())
        let text = ''
        for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
        return btoa(text)
      },
      { width, height },
    )
    return Buffer.from(base64, 'base64')
  }

  /** Takes a photo with the camera (a file handed to the picker's input) and waits until the job shows it. */
  async addPhoto(jpeg: Buffer): Promise<void> {
    const before = await this.page.getByTestId('field-photo').count()
    await this.page.getByTestId('photo-input').setInputFiles({ name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: jpeg })
    await this.page.getByTestId('field-photo').nth(before).locator('img').waitFor({ timeout: 60_000 })
  }

  /** The customer signs with a finger (the mouse here): two strokes across the pad, then "accept". */
  async sign(): Promise<void> {
    const pad = this.page.getByTestId('signature-canvas')
    await pad.scrollIntoViewIfNeeded()
    const box = (await pad.boundingBox())!
    const stroke = async (points: [number, number][]) => {
      await this.page.mouse.move(box.x + points[0]![0], box.y + points[0]![1])
      await this.page.mouse.down()
      for (const [x, y] of points.slice(1)) await this.page.mouse.move(box.x + x, box.y + y, { steps: 4 })
      await this.page.mouse.up()
    }
    await stroke([[30, 80], [60, 40], [90, 100], [120, 40], [150, 100], [180, 50]])
    await stroke([[40, 120], [200, 115]])
    await this.page.getByTestId('signature-accept').click()
    await this.page.getByTestId('field-signature-image').waitFor({ timeout: 10_000 })
  }

  /** Presses "Finish job"; the problems said, or none when it finished. */
  async finish(): Promise<string[]> {
    await this.page.getByTestId('field-job-finish').click()
    const problems = this.page.getByTestId('field-job-problems')
    const finished = this.page.getByTestId('field-finished-at')
    await problems.or(finished).first().waitFor({ timeout: 10_000 })
    return (await finished.isVisible()) ? [] : problems.locator('li').allTextContents()
  }

  async syncNote(): Promise<string> {
    return ((await this.page.getByTestId('field-job-sync-note').textContent()) ?? '').trim()
  }

  /** Every IndexedDB database of the phone read whole: the realm of each sealed row, the audit chain's authors, the Cache API. */
  storageFacts(): Promise<OriginFacts> {
    return originFacts(this.page)
  }
}
