/**
 * Renders the app icons (PNG) from public/icons/favicon.svg's design with real
 * Chromium, so icons and favicon never drift apart. Run: node scripts/render-icons.js
 */
import { readFile, writeFile } from 'node:fs/promises'
import { launchChromium } from './chromium.js'

const svg = await readFile(new URL('../public/icons/favicon.svg', import.meta.url), 'utf8')
// Maskable icons are cropped to a circle of 80% diameter: full-bleed colour, mark inside the safe zone.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#1d4ed8"/>
  <g transform="translate(12.8 12.8) scale(0.6)">${svg.replace(/<\/?svg[^>]*>/g, '').replace(/<rect width="64"[^>]*\/>/, '')}</g></svg>`

const outputs = [
  { file: 'icon-192.png', size: 192, source: svg },
  { file: 'icon-512.png', size: 512, source: svg },
  { file: 'icon-maskable-512.png', size: 512, source: maskable },
  { file: 'apple-touch-icon.png', size: 180, source: maskable },
]

const browser = await launchChromium()
const page = await browser.newPage()
for (const { file, size, source } of outputs) {
  await page.setViewportSize({ width: size, height: size })
  const body = source.replace('<svg ', `<svg width="${size}" height="${size}" `)
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${body}`)
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
  await writeFile(new URL(`../public/icons/${file}`, import.meta.url), png)
  console.log(`public/icons/${file} ${size}×${size}`)
}
await browser.close()
