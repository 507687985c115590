/**
 * The server side of the `initial_sync_100k_ms` bench (issue 13): a demo organisation (admin and manager, founded as
 * `npm run demo` founds it) and about 100,000 sealed records across the realms a manager's device pulls
 * (bench/mixed-plan.ts).
 *
 * The records are sealed by the app's repositories in bulk (`putMany`, `addMany`: blind indexes, field clocks,
 * envelopes), as the browser seeds of the other benches are, with the manager's keys, the seeds' in-memory clock and
 * no audit entries. What differs is where a bulk write lands: the repository context's `writeAll` (the hook a bulk
 * write hands its sealed rows to) posts them to the server's `_bulk_docs` as the manager, rather than into a device's
 * IndexedDB to wait for sync. The server's `validate_doc_update` checks them as it checks a push; a refusal fails the
 * seed. The demo's own path (a record at a time with its audit entry, a sync round per 250) takes hours at this size.
 * The desk's settings are saved open around the clock (the desk bench's seed does the same), so the scans made during
 * the sync (bench/sync-scans.ts) are decided on membership, whatever the hour.
 */
import { localDateOf } from '@/core/shared/local-date'
import { defaultMembershipSettings } from '@/core/membership/defaults'
import { createBroadbandRecords } from '@/features/broadband/broadband-records'
import type { StoredEnvelope } from '@/storage/documents'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createDeskRecords } from '@/storage/desk-records.repo'
import { createPeopleRepo } from '@/storage/people.repo'
import type { RepoContext } from '@/storage/sealed-repo'
import { databaseNameFor } from '@/sync/remote-names'
import { foundDemoOrganisation } from '../scripts/demo/organisation'
import { generatePeople } from '../scripts/demo/people'
import { ensureEmpty, remoteServer } from '../scripts/demo/server'
import { demoSignIns, type DemoSignIn } from '../scripts/demo/sign-ins'
import { planAgreements } from './browser/broadband-plan'
import { coveredOn, openAllDay, planCheckIns, planMembers } from './browser/seed-plan'
import { memoryClock, putInSlices } from './browser/seed-writes'
import { planRecentLedgers, type MixedSizes } from './mixed-plan'

export interface MixedSeedResult {
  /** Who the bench's fresh device joins as: the manager, who holds every shared realm and reads the audit log. */
  user: DemoSignIn
  /** A person's phone to look up once synced. */
  probePhone: string
  /** Member numbers of members whose membership covers today (a scan admits them), spread over all. */
  scanNumbers: string[]
  counts: { people: number; members: number; fees: number; checkIns: number; accounts: number; statusEvents: number; ledgerLines: number }
  seconds: number
}

/** Posts sealed rows to their realm's database as the signed-in user; any document refused fails the seed. */
async function toServer(fetchAs: typeof fetch, base: string, rows: readonly StoredEnvelope[]): Promise<void> {
  for (const realm of new Set(rows.map((row) => row.realm))) {
    const database = databaseNameFor(realm)
    const docs = rows.filter((row) => row.realm === realm)
    // What a push sends: the row without the device's own mark.
    const body = JSON.stringify({ docs: docs.map(({ _local: _mark, ...doc }) => doc) })
    const res = await fetchAs(`${base}${database}/_bulk_docs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    const results = (await res.json()) as { error?: string; reason?: string }[] | { error: string; reason: string }
    const refused = Array.isArray(results) ? results.filter((r) => r.error) : [results]
    if (!res.ok || refused.length) throw new Error(`seeding ${database}: ${refused.length} of ${docs.length} refused (${res.status}): ${refused[0]?.error} ${refused[0]?.reason ?? ''}`)
  }
}

export async function seedMixed(lobby: { url: string; adminUser: string; adminPassword: string }, sizes: MixedSizes, log: (line: string) => void): Promise<MixedSeedResult> {
  const t0 = performance.now()
  const say = (line: string) => log(`  [seed] ${line} (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
  const server = await remoteServer(`${lobby.url}/db/`, lobby.adminUser, lobby.adminPassword)
  const founders = [demoSignIns.find((s) => s.role === 'admin')!, demoSignIns.find((s) => s.role === 'manager')!]
  await ensureEmpty(server, founders.map((s) => s.username), false, () => {})
  const [, manager] = await foundDemoOrganisation(server.base, server.admin, founders, () => {})
  say('organisation founded (admin, manager)')

  const keys = keySourceFrom(manager!.session.keyring)
  const { deviceId } = await manager!.device.storage.deviceIdentity()
  const by = manager!.session.userId
  const clock = memoryClock(deviceId)
  const ctx: RepoContext = { db: manager!.device.db, keys: () => keys, clock, events: { writeAll: (rows) => toServer(manager!.device.fetch, server.base, rows) } }
  const people = createPeopleRepo(ctx)
  const desk = createDeskRecords(ctx)
  const broadband = createBroadbandRecords(ctx)
  // Open around the clock, as the desk bench's seed (a scan during the sync is decided on membership, never on the hour).
  const settings = openAllDay((await desk.settings.get()) ?? defaultMembershipSettings())
  await desk.settings.save(settings)
  const timeZone = settings.timeZone
  const today = localDateOf(Date.now(), timeZone)
  const inSlices = <T>(items: T[], write: (slice: T[]) => Promise<string[]>) => putInSlices(items, sizes, write)

  const persons = generatePeople(sizes.seed, sizes.people)
  const personIds = await inSlices(persons, (slice) => people.putMany(slice.map((record) => ({ record }))))
  say(`${persons.length} people`)

  // Members are the first people, broadband subscribers the next ones (a member may also subscribe at scale < 0.4).
  const tier = [...settings.tiers].sort((a, b) => a.rank - b.rank)[0]!
  const deskInput = { seed: sizes.seed, members: Math.min(sizes.members, persons.length), checkIns: sizes.checkIns, years: sizes.memberYears, today, timeZone, tier, by }
  const planned = planMembers(deskInput)
  const members = planned.map((m, i) => ({ record: { personId: personIds[i]!, memberNo: m.memberNo, cardSerial: 1, createdAt: m.createdAt } }))
  const memberIds = await inSlices(members, (slice) => desk.members.putMany(slice))
  const fees = planned.flatMap((m, i) => m.fees.map((fee) => ({ ...fee, memberId: memberIds[i]! })))
  await inSlices(fees, (slice) => desk.ledger.addMany(slice))
  say(`${planned.length} members, ${fees.length} fees`)
  const checkIns = planCheckIns(deskInput, planned).map((c) => ({ memberId: memberIds[c.member]!, at: c.at, day: localDateOf(c.at, timeZone), deviceId, by }))
  await inSlices(checkIns, (slice) => desk.checkIns.addMany(slice))
  say(`${checkIns.length} check-ins`)

  const agreementPlan = planAgreements({ seed: sizes.seed, accounts: sizes.accounts, today, timeZone, billRunMonths: 1, years: 1 })
  const subscriber = (i: number) => personIds[(sizes.members + i) % personIds.length]!
  const at = Date.now()
  const agreements = agreementPlan.map((p, i) => ({ accountNo: p.accountNo, accountName: `${persons[(sizes.members + i) % persons.length]!.name} ${p.accountName}`, subscriberId: subscriber(i), plan: p.plan, cycleStart: p.cycleStart, cycleEnd: p.cycleEnd, createdAt: at, createdBy: by }))
  const accountIds = await inSlices(agreements, (slice) => broadband.agreements.putMany(slice.map((record) => ({ record }))))
  const statusEvents = agreementPlan.flatMap((p, i) => [
    { accountId: accountIds[i]!, to: 'active' as const, on: p.serviceStart, at, by, reason: 'service-start' as const },
    ...(p.status === 'active' ? [] : [{ accountId: accountIds[i]!, to: p.status, on: p.changedOn!, at, by, reason: p.status === 'suspended' ? ('arrears' as const) : ('arrears-terminated' as const) }]),
  ])
  await inSlices(statusEvents, (slice) => broadband.statusChanges.addMany(slice))
  const lines = planRecentLedgers({ seed: sizes.seed, today, timeZone }, agreementPlan).map(({ account, entry }) => ({ ...entry, accountId: accountIds[account]!, by }))
  await inSlices(lines, (slice) => broadband.ledger.addMany(slice))
  say(`${agreements.length} broadband agreements, ${statusEvents.length} status events, ${lines.length} ledger lines`)

  return {
    user: founders[1]!,
    probePhone: persons[Math.floor(persons.length / 2)]!.phone!,
    scanNumbers: coveredOn(planned, today, 20).map((m) => m.memberNo),
    counts: { people: persons.length, members: planned.length, fees: fees.length, checkIns: checkIns.length, accounts: agreements.length, statusEvents: statusEvents.length, ledgerLines: lines.length },
    seconds: (performance.now() - t0) / 1000,
  }
}
