import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core'
import { chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath, launchChromium } from '../../../scripts/chromium.js'

export const tablet = { width: 1280, height: 800 } as const
export const phone = { width: 390, height: 844 } as const

export async function launch(): Promise<Browser> {
  return launchChromium()
}

/**
 * A fresh browser profile: its own IndexedDB, caches and service workers; in Shanghai, like the
 * organisation's devices (founding takes the organisation's time zone from the device's).
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: tablet, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', serviceWorkers: 'allow', ...options })
}

/**
 * A browser with an on-disk profile: not incognito, so Chromium's installability
 * checks apply as they would for a real user (incognito windows cannot install).
 */
export async function launchPersistent(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: chromiumPath, args: chromiumArgs, viewport: tablet })
}
