/**
 * `npm run bench`: runs each benchmark in real headless Chromium against the
 * built app and the embedded server, and prints one table. Timings live here,
 * never in tests.
 */
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { createLobbyServer } from '../server/app.js'
import { launchChromium } from '../scripts/chromium.js'
import { checkinBench } from './checkin.bench'
import { initialSyncBench } from './initial-sync.bench'
import { signInBench } from './sign-in.bench'
import { printTable, summarise, type Row } from './stats'

const people = Number(process.env.LOBBY_BENCH_PEOPLE ?? 10_000)

async function serve() {
  const lobby = await createLobbyServer({ memory: true, distDir: 'dist', log: () => {} })
  const server: Server = await new Promise((resolve) => {
    const s = lobby.app.listen(0, '127.0.0.1', () => resolve(s))
  })
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    adminUser: lobby.adminUser,
    adminPassword: lobby.adminPassword,
    async stop() {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
      await lobby.close()
    },
  }
}

const browser = await launchChromium()
const rows: Row[] = []
try {
  const a = await serve()
  rows.push(summarise('sign-in: passphrase → home (Argon2id 64 MiB, t=3)', await signInBench(browser, a.url)))
  await a.stop()

  const b = await serve()
  const sync = await initialSyncBench(browser, b, people)
  rows.push(summarise(`initial sync of ${people} people: join → synced (decrypted, in Dexie)`, [sync.synced]))
  rows.push(summarise(`  raw PouchDB pull of the same database`, [sync.rawMs]))
  rows.push(summarise(`  then phone lookup among ${people} (blind index + decrypt)`, [sync.lookup]))
  await b.stop()

  const c = await serve()
  const desk = { people: Math.min(people, 2_000), members: 500, visits: 1_000, scans: 25 }
  const checkin = await checkinBench(browser, c, desk)
  const seen = [...checkin.verdicts].map(([v, n]) => `${n} ${v}`).join(', ')
  rows.push(summarise(`check-in, ${desk.members} members / ${desk.visits} visits: first scan → verdict (decrypts the desk realm)`, [checkin.first]))
  rows.push(summarise(`  next scans → verdict (${seen})`, checkin.rest))
  await c.stop()
} finally {
  await browser.close()
}
console.log(`\nLobby benchmarks — headless Chromium, ${new Date().toISOString()}\n`)
printTable(rows)
