import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { axeViolations } from './axe'
import { phone, tablet } from './chromium'

/** axe on the page as it stands, in both languages at phone and tablet sizes (the page is left in zh-CN at tablet size). */
export async function axeEverywhere(page: Page, shell: { switchLanguage(locale: 'en' | 'zh-CN'): Promise<void> }, label: string): Promise<void> {
  for (const locale of ['en', 'zh-CN'] as const) {
    await shell.switchLanguage(locale)
    for (const [size, viewport] of Object.entries({ phone, tablet })) {
      await page.setViewportSize(viewport)
      await page.locator('h1').first().waitFor()
      expect(await axeViolations(page), `${label} ${locale} ${size}`).toEqual([])
    }
  }
}
