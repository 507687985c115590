/**
 * `npm run demo`: provisions a sync server with a demo organisation whose data
 * is sealed exactly as the app seals it (the app's own modules, run in Node), so
 * a fresh browser that signs in with a demo sign-in syncs it down.
 * Exit codes: 0 done, 1 refused or failed (the message says why), 2 bad usage.
 */
// IndexedDB for Node before anything loads Dexie.
import 'fake-indexeddb/auto'
import { pathToFileURL } from 'node:url'
import { CouchError } from '../../server/provision/http-client.js'
import { runDemo } from './demo'
import { parseDemoOptions, USAGE } from './options'
import { serviceDays } from './service'
import { receptionDays } from './reception'
import { DemoRefusal, embeddedServer, remoteServer } from './server'
import { demoSignIns } from './sign-ins'

const roleNames: Record<string, string> = { admin: '管理员 admin', manager: '经理 manager', lead: '组长 lead', frontdesk: '前台 front desk', agent: '专员 agent', technician: '技术员 technician' }

/** The sign-in table, as in README.md. */
export function signInTable(): string[] {
  return table([['sign-in name', 'name', 'role', 'passphrase'], ...demoSignIns.map((s) => [s.username, s.name, roleNames[s.role] ?? s.role, s.passphrase])])
}

/** Rows in aligned columns (a CJK character is two columns wide). */
function table(rows: string[][]): string[] {
  const width = (i: number) => Math.max(...rows.map((r) => [...r[i]!].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)))
  const cell = (text: string, i: number) => text + ' '.repeat(width(i) - [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))
  return rows.map((r) => `  ${r.map(cell).join('  ')}`.trimEnd())
}

export async function main(argv: string[], { env = process.env, out = console.log, err = console.error } = {}): Promise<number> {
  let options
  try {
    options = parseDemoOptions(argv, env)
  } catch (e) {
    err(`${(e as Error).message}\n\n${USAGE}`)
    return 2
  }
  if (options.help) {
    out(USAGE)
    return 0
  }
  let server
  try {
    server = options.server.embedded ? await embeddedServer(options.server.dataDir, out) : await remoteServer(options.server.url, options.server.admin, options.server.password)
  } catch (e) {
    if (e instanceof CouchError && e.status === 0) err(`${e.message}\nIs the server running? Start it with npm start, or use npm run demo -- --embedded.`)
    else err(e instanceof DemoRefusal || e instanceof CouchError ? e.message : ((e as Error)?.stack ?? String(e)))
    return 1
  }
  try {
    const summary = await runDemo(server, options, out)
    out('')
    const { seconds: s, membership: m } = summary
    out(`Done in ${s.total} s (organisation ${s.organisation} s, people ${s.people} s, members and visits ${s.members} s, reception ${s.reception} s, broadband ${s.broadband} s, member sign-ins ${s.memberSignins} s, service ${s.service} s).`)
    if (m.members > 0) {
      out(`Members as of ${options.today}: ${m.members} (${m.active} active, ${m.vipActive} of them VIP; ${m.expired} expired; ${m.blacklisted} blacklisted)`)
      out(`  ledger: ${m.fees} fees (${m.renewals} renewals, ${m.stacked} stacked on a running term), ${m.deposits} VIP deposits, ${m.depositReturns} returned`)
      out(`  ${m.serviceLogs} VIP service-hour logs, ${m.waitlist} waiting for a VIP place, ${m.visits} visits (${m.openVisits} still in on ${options.today})`)
    }
    const r = summary.reception
    if (r) {
      out(`Reception, the ${receptionDays} days up to ${options.today}: ${r.visits} visits by ${r.visitors} visitors (${r.refused} refused, ${r.secondInterviews} second interviews), ${r.checkOuts} check-outs`)
      out(`  ${r.openYesterday} visits left open yesterday, ${r.openToday} visitors still in today; ${r.expectedToday} expected today, ${r.expectedTomorrow} tomorrow`)
    }
    const b = summary.broadband
    if (b) {
      out(`Broadband, the year up to ${options.today}: ${b.accounts} accounts (${b.businesses} of businesses, ${b.pending} waiting for installation), ${b.charges} monthly charges in ${b.billRuns} bill runs, ${b.payments} payments`)
      out(`  in arrears: ${b.arrears.notice} due a notice, ${b.arrears['credit-record']} a credit record, ${b.arrears['may-suspend']} may be suspended, ${b.arrears.terminate} to be terminated; ${b.paidLate} paid late once; ${b.lateFees} late fees; one outage credited to ${b.outageAccounts} accounts; ${b.disputes} open dispute`)
    }
    const v = summary.service
    if (v) {
      out(`Service requests, the ${serviceDays} days up to ${options.today}: ${v.requests} (${v.enquiries} enquiries, ${v.complaints} complaints, ${v.faultReports} broadband fault reports), ${v.dispatches} dispatches, ${v.jobs} jobs finished and signed`)
      out(`  return visits: ${v.calls} calls, ${v.unreachable} closed as unreachable, ${v.reopened} reopened`)
    }
    out('On the server:')
    for (const { database, docs } of summary.counts) out(`  ${database.padEnd(16)} ${String(docs).padStart(6)} ${database === '_users' ? 'server accounts' : 'documents'}`)
    out('')
    out('Sign in on a fresh browser (Join, then the sign-in name and passphrase):')
    for (const line of signInTable()) out(line)
    if (summary.memberSignins) {
      out('')
      out(`Members sign in on their phone at /me/ (${options.server.embedded ? 'http://127.0.0.1:5480/me/ with npm start' : new URL('../me/', server.base).href}), with the sign-in name and password:`)
      for (const line of table([['sign-in name', 'name', 'password', 'what their phone shows'], ...summary.memberSignins.rows.map((r) => [r.username, r.name, r.password, r.shows])])) out(line)
    }
    if (options.server.embedded) out(`\nThe data is in ${options.server.dataDir}: npm start (or npm run serve) serves it.`)
    return 0
  } catch (e) {
    if (e instanceof DemoRefusal) err(e.message)
    else err(`The demo failed: ${e instanceof CouchError ? e.message : ((e as Error)?.stack ?? String(e))}`)
    return 1
  } finally {
    await server.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Exit explicitly: keep-alive sockets and in-memory databases would keep Node waiting a while.
  process.exit(await main(process.argv.slice(2)))
}
