import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ShellPage } from './pages/shell.page'
import { axeViolations } from './support/axe'
import { launch, newContext, phone, tablet } from './support/chromium'
import { startLobby, type RunningLobby } from './support/lobby-server'
import { distDir } from './support/paths'

const pages = ['/', '/diagnostics', '/settings'] as const
const viewports = { tablet, phone } as const

describe('a11y: axe-core finds no WCAG 2.1 AA violations', () => {
  let browser: Browser
  let lobby: RunningLobby

  beforeAll(async () => {
    lobby = await startLobby({ distDir })
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await lobby?.stop()
  })

  for (const [name, viewport] of Object.entries(viewports)) {
    for (const locale of ['zh-CN', 'en'] as const) {
      it(`on ${pages.join(', ')} at ${viewport.width}×${viewport.height} (${name}, ${locale})`, async () => {
        const context = await newContext(browser, { viewport, locale })
        const page = await context.newPage()
        const app = new ShellPage(page, lobby.url)
        for (const path of pages) {
          await app.open(path)
          await page.locator('h1').waitFor()
          // Let async figures (storage, sync probe) render before judging the page.
          await page.waitForLoadState('networkidle')
          expect(await axeViolations(page), `${path}`).toEqual([])
        }
        await context.close()
      })
    }
  }

  it('is usable by keyboard: the skip link moves focus to the main content', async () => {
    const context = await newContext(browser, { viewport: phone })
    const page = await context.newPage()
    const app = new ShellPage(page, lobby.url)
    await app.open('/')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    await context.close()
  })
})
