/**
 * Bench-only page (never in the app's dist/ or its precache): founds an organisation in
 * this browser the way the app does (seed-organisation.ts), then writes people, members,
 * years of fees and check-ins through the app's own repositories with the desk user's
 * keys, unaudited. Same origin as the app, so the app opens the same IndexedDB afterwards.
 */
import { localDateOf } from '@/core/shared/local-date'
import { formatHlc } from '@/core/sync/hlc'
import { createDeskRecords } from '@/storage/desk-records.repo'
import { createPeopleRepo } from '@/storage/people.repo'
import { generatePeople } from '../../scripts/demo/people'
import './broadband-seed'
import './photo-seed'
import './reception-seed'
import { openAllDay, planCheckIns, planMembers } from './seed-plan'
import type { SeedResult, SeedSizes, SeedUsers } from './seed-types'
import { foundBenchOrganisation } from './seed-organisation'
import { inParallel } from './seed-writes'

async function seed(sizes: SeedSizes, users: SeedUsers): Promise<SeedResult> {
  const t0 = performance.now()
  const log = (line: string) => console.log(`[seed] ${line} (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
  const { storage, deskUserId, deviceId, clock, ctx } = await foundBenchOrganisation(users)
  log('organisation founded (admin, manager, front desk)')
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

  const input = { seed: sizes.seed, members: sizes.members, checkIns: sizes.checkIns, years: sizes.years, today, timeZone: tz, tier, by: deskUserId }
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
    async (v) => void (await desk.checkIns.add({ memberId: memberIds[v.member]!, at: v.at, deviceId, by: deskUserId })),
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
