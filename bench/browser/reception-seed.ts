/**
 * The reception bench's seed (issue 11 "Done means"), on the bench page beside seed.ts, run in its own browser
 * context: founds an organisation the way the app does (seed-organisation.ts) with a few staff as hosts, then writes visitors through
 * the people repository and years of their visits through the reception desk's own repository
 * (`createReceptionRecords`), with the desk user's keys. No audit entries (the repo context has no `events`) and
 * no check-outs: registering reads a visitor's past visits, never their check-outs.
 */
import { defaultReceptionSettings } from '@/core/reception/defaults'
import { suggestReception } from '@/core/reception/suggestion'
import type { Badge } from '@/core/reception/types'
import { localDateOf } from '@/core/shared/local-date'
import { formatHlc } from '@/core/sync/hlc'
import { randomId } from '@/crypto/bytes'
import { createReceptionRecords } from '@/features/reception/reception-records'
import { createPeopleRepo } from '@/storage/people.repo'
import { generatePeople } from '../../scripts/demo/people'
import { planVisits, returningCategories } from './reception-plan'
import type { ReceptionSeedResult, ReceptionSeedSizes, SeedUsers } from './seed-types'
import { foundBenchOrganisation } from './seed-organisation'
import { inParallel } from './seed-writes'

const hostNames = ['陈老师', '林主任', '王会计', '赵校长', '周老师', '吴老师', '郑主任', '孙老师']

async function seedReception(sizes: ReceptionSeedSizes, users: SeedUsers): Promise<ReceptionSeedResult> {
  const t0 = performance.now()
  const log = (line: string) => console.log(`[seed] ${line} (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
  const hosts = hostNames.slice(0, sizes.hosts).map((name, i) => ({ name, username: `bench.host${i + 1}`, role: 'lead' as const }))
  // Every staff member can be a host: the manager, the desk user and the hosts.
  const { storage, staffIds: hostIds, deskUserId, deviceId, clock, ctx } = await foundBenchOrganisation(users, hosts)
  log(`organisation founded (admin, manager, front desk, ${sizes.hosts} hosts)`)
  const people = createPeopleRepo(ctx)
  const reception = createReceptionRecords(ctx)
  const settings = (await reception.settings.get()) ?? defaultReceptionSettings()
  const timeZone = (await storage.orgSettings.read()).settings.timeZone
  const today = localDateOf(Date.now(), timeZone)

  // A seed of its own, so the visitors are not the desk bench's people.
  const visitors = generatePeople(sizes.seed + 1, sizes.visitors)
  const visitorIds: string[] = new Array(visitors.length)
  await inParallel(visitors, sizes.width, async (p, i) => void (visitorIds[i] = await people.put(p)), (n) => log(`visitors ${n}/${visitors.length}`))
  log(`${visitors.length} visitors`)

  const planned = planVisits({ seed: sizes.seed, visitors: sizes.visitors, visits: sizes.visits, years: sizes.years, hosts: hostIds.length, today, timeZone })
  const lastCategory: string[] = new Array(visitors.length)
  await inParallel(
    planned,
    sizes.width,
    async (v) => {
      const suggestion = suggestReception(settings, v.category, v.category === 'job-applicant' ? 1 : undefined)
      if (!suggestion.ok) throw new Error(`category ${v.category}: ${suggestion.problem}`)
      const person = visitors[v.visitor]!
      const badge: Badge = suggestion.badge.issued ? { issued: true, serial: randomId().slice(0, 10), expiresAt: v.at + 8 * 3600_000 } : suggestion.badge
      await reception.visits.add({
        personId: visitorIds[v.visitor]!,
        name: person.name,
        ...(person.organisation ? { organisation: person.organisation } : {}),
        category: v.category,
        purpose: v.purpose,
        hostId: hostIds[v.host]!,
        reception: suggestion.choice,
        ...(suggestion.refused ? { refused: { reason: v.category } } : {}),
        badge,
        at: v.at,
        day: localDateOf(v.at, timeZone),
        deviceId,
        by: deskUserId,
      })
      lastCategory[v.visitor] = v.category
    },
    (n) => log(`visits ${n}/${planned.length}`),
  )
  log(`${planned.length} visits`)
  const last = clock.last()
  if (last) await storage.clock.observe(formatHlc(last))

  // The timed registrations type returning visitors' phones, spread over all of them.
  const returning = visitors.filter((_, i) => returningCategories.includes(lastCategory[i] ?? ''))
  const step = Math.max(1, Math.floor(returning.length / sizes.sample))
  const phones = returning.filter((_, i) => i % step === 0).map((p) => p.phone ?? '').filter(Boolean)
  const probe = await reception.visits.byParent(visitorIds[visitors.indexOf(returning[0]!)]!)
  if (probe.length === 0) throw new Error("a seeded visitor's visits are not found by their person")
  return { visitors: visitors.length, visits: planned.length, hosts: hostIds.length, today, phones, seconds: (performance.now() - t0) / 1000 }
}

declare global {
  interface Window {
    lobbyReceptionSeed?: typeof seedReception
  }
}
window.lobbyReceptionSeed = seedReception
