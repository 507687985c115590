/**
 * `npm run bench`: runs each benchmark in real headless Chromium against the
 * built app and the embedded server, and prints one table. Timings live here,
 * never in tests.
 */
import { createLobbyServer } from '../server/app.js'
import { launchChromium } from '../scripts/chromium.js'
import { signInBench } from './sign-in.bench.js'
import { printTable, summarise } from './stats.js'

const lobby = await createLobbyServer({ memory: true, distDir: 'dist', log: () => {} })
const server = await new Promise((resolve) => {
  const s = lobby.app.listen(0, '127.0.0.1', () => resolve(s))
})
const url = `http://127.0.0.1:${server.address().port}`
const browser = await launchChromium()
const rows = []
try {
  rows.push(summarise('sign-in: passphrase → home (Argon2id 64 MiB, t=3)', await signInBench(browser, url)))
} finally {
  await browser.close()
  server.closeAllConnections()
  server.close()
  await lobby.close()
}
console.log(`\nLobby benchmarks — headless Chromium, ${new Date().toISOString()}\n`)
printTable(rows)
