/**
 * Takes the manifest's install screenshots from the real built app (wide: a
 * 10" tablet in landscape, narrow: a phone in portrait). Run after a build:
 *   npm run build:only && node scripts/take-screenshots.js && npm run build:only
 */
import { writeFile } from 'node:fs/promises'
import { createLobbyServer } from '../server/app.js'
import { launchChromium } from './chromium.js'

const shots = [
  { file: 'home-wide.png', viewport: { width: 1280, height: 800 } },
  { file: 'home-narrow.png', viewport: { width: 390, height: 844 } },
]

const lobby = await createLobbyServer({ memory: true, distDir: 'dist', log: () => {} })
const server = await new Promise((resolve) => {
  const s = lobby.app.listen(0, '127.0.0.1', () => resolve(s))
})
const url = `http://127.0.0.1:${server.address().port}/`
const browser = await launchChromium()
try {
  for (const { file, viewport } of shots) {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', deviceScaleFactor: 1 })
    const page = await context.newPage()
    await page.goto(url)
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null)
    await page.reload() // once controlled, the "preparing offline" line reads "ready"
    await page.locator('h1').waitFor()
    // The one-off "ready to work offline" toast is not part of the app's usual look.
    await page.getByTestId('offline-ready').getByRole('button').click().catch(() => {})
    await writeFile(new URL(`../public/screenshots/${file}`, import.meta.url), await page.screenshot())
    console.log(`public/screenshots/${file} ${viewport.width}×${viewport.height}`)
    await context.close()
  }
} finally {
  await browser.close()
  server.closeAllConnections()
  server.close()
  await lobby.close()
}
