/** Launch Debian's Chromium through playwright-core with the flags this environment needs. */
import { chromium } from 'playwright-core'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium'
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function launchChromium(options = {}) {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, ...options })
}
