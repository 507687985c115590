/**
 * Bench-only page (never in the app's dist/ or its precache): founds an organisation in
 * this browser the way the app does (`createOrganisation`, `createStaff`, the desk user's
 * first sign-in), then writes people, members, years of fees and check-ins through the
 * app's own repositories with the desk user's keys. Same origin as the app, so the app
 * opens the same IndexedDB afterwards. Seeded writes carry no audit entries (the repo
 * context has no `events`): the bench measures reads, and 300,000 audit entries would
 * only slow the seeding down.
 */
import { localDateOf } from '@/core/shared/local-date'
import type { MembershipSettings } from '@/core/membership/types'
import { formatHlc } from '@/core/sync/hlc'
import { completeFirstSignIn } from '@/identity/first-sign-in'
import { createOrganisation } from '@/identity/organisation'
import { signIn } from '@/identity/sign-in'
import { createStaff } from '@/identity/staff-accounts'
import { membersModule } from '@/features/members/module'
import { writePreference } from '@/platform/preferences'
import { lobbyDb } from '@/storage/db'
import { createDeskRecords } from '@/storage/desk-records.repo'
import type { KeySource } from '@/storage/key-source'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createLobbyStorage } from '@/storage/lobby-storage'
import { createPeopleRepo } from '@/storage/people.repo'
import { generatePeople } from '../../scripts/demo/people'
import './reception-seed'
import { planCheckIns, planMembers } from './seed-plan'
import type { SeedResult, SeedSizes, SeedUsers } from './seed-types'
import { inParallel, memoryClock } from './seed-writes'

/** The seeded organisation opens around the clock, so every scan is decided on membership, never on the hour. */
function openAllDay(settings: MembershipSettings): MembershipSettings {
  const weekdays = [1, 2, 3, 4, 5, 6, 7] as const
  return { ...settings, tiers: settings.tiers.map((t) => ({ ...t, hours: weekdays.map((weekday) => ({ weekday, from: '00:00', to: '23:59' })) })) }
}

async function seed(sizes: SeedSizes, users: SeedUsers): Promise<SeedResult> {
  const t0 = performance.now()
  const log = (line: string) => console.log(`[seed] ${line} (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
  const db = lobbyDb()
  // The session's keys, as the app's session-keys.ts holds them: the admin's while founding and creating staff.
  let session: KeySource | undefined
  const storage = createLobbyStorage(db, () => session, navigator.userAgent)

  const org = await createOrganisation(storage, { name: users.admin.name, username: users.admin.username, passphrase: users.admin.passphrase, agreementAccepted: true }, undefined, [membersModule.onFounded!])
  if (!org.ok) throw new Error(`createOrganisation: ${org.problem}`)
  const admin = org.session
  session = keySourceFrom(admin.keyring)
  for (const u of [users.manager, users.desk]) {
    const made = await createStaff(storage, admin, { name: u.name, username: u.username, role: u.role })
    if (!made.ok) throw new Error(`createStaff ${u.username}: ${made.problem}`)
    if (u !== users.desk) continue
    const first = await signIn(storage, u.username, made.setupCode)
    if (first.status !== 'setup-required') throw new Error(`${u.username}: expected a first sign-in, got ${first.status}`)
    const done = await completeFirstSignIn(storage, first.pending, { passphrase: u.passphrase, agreementAccepted: true })
    if (!done.ok) throw new Error(`${u.username}: first sign-in refused: ${done.problem}`)
  }
  session = undefined
  log('organisation founded (admin, manager, front desk)')
  // CONF-7: the device's idle lock at a day (Settings lets a user choose it). The heap reading runs 2,000 scans
  // from the page itself, with no touch the idle timer counts, and a slow scan alone can outlast the default.
  writePreference('idleLockSeconds', String(24 * 3600))

  // The desk user's keys, as the app holds them after sign-in.
  const signedIn = await signIn(storage, users.desk.username, users.desk.passphrase)
  if (signedIn.status !== 'signed-in') throw new Error(`${users.desk.username}: sign-in gave ${signedIn.status}`)
  const keys = keySourceFrom(signedIn.session.keyring)
  const { deviceId } = await storage.deviceIdentity()
  const clock = memoryClock(deviceId)
  const ctx = { db, keys: () => keys, clock } // no `events`: seeded writes are not audited
  const people = createPeopleRepo(ctx)
  const desk = createDeskRecords(ctx)

  const settings = openAllDay((await desk.settings.get())!)
  await desk.settings.save(settings)
  const tz = settings.timeZone
  const today = localDateOf(Date.now(), tz)
  const tier = [...settings.tiers].sort((a, b) => a.rank - b.rank)[0]!

  const persons = generatePeople(sizes.seed, sizes.people)
  const personIds: string[] = new Array(persons.length)
  await inParallel(persons, sizes.width, async (p, i) => void (personIds[i] = await people.put(p)), (n) => log(`people ${n}/${persons.length}`))
  log(`${persons.length} people`)

  const input = { seed: sizes.seed, members: sizes.members, checkIns: sizes.checkIns, years: sizes.years, today, timeZone: tz, tier, by: signedIn.session.userId }
  const planned = planMembers(input)
  const memberIds: string[] = new Array(planned.length)
  let fees = 0
  await inParallel(
    planned,
    sizes.width,
    async (m, i) => {
      const memberId = await desk.members.put({ personId: personIds[i]!, memberNo: m.memberNo, cardSerial: 1, createdAt: m.createdAt })
      memberIds[i] = memberId
      for (const fee of m.fees) await desk.ledger.add({ ...fee, memberId })
      fees += m.fees.length
    },
    (n) => log(`members ${n}/${planned.length}`),
  )
  log(`${planned.length} members, ${fees} fees`)

  const visits = planCheckIns(input, planned)
  await inParallel(
    visits,
    sizes.width,
    async (v) => void (await desk.checkIns.add({ memberId: memberIds[v.member]!, at: v.at, deviceId, by: signedIn.session.userId })),
    (n) => log(`check-ins ${n}/${visits.length}`),
  )
  log(`${visits.length} check-ins`)
  const last = clock.last()
  if (last) await storage.clock.observe(formatHlc(last))
  // Sanity: the records are there and open with the desk user's keys.
  const probe = await desk.members.findByMemberNo(planned.at(-1)!.memberNo)
  if (probe.length !== 1) throw new Error('a seeded member is not found by its number')

  // Scans and searches pick members and people spread over the whole range.
  const step = Math.max(1, Math.floor(planned.length / sizes.sample))
  return {
    people: persons.length,
    members: planned.length,
    fees,
    checkIns: visits.length,
    today,
    memberNos: planned.filter((_, i) => i % step === 0).map((m) => m.memberNo),
    phones: persons.filter((_, i) => i % Math.max(1, Math.floor(persons.length / 100)) === 0).map((p) => p.phone ?? '').filter(Boolean),
    seconds: (performance.now() - t0) / 1000,
  }
}

declare global {
  interface Window {
    lobbySeed?: typeof seed
  }
}
window.lobbySeed = seed
document.body.dataset.ready = 'true'
