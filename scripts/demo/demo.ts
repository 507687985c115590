import type { Person } from '@/core/directory/person'
import { defaultMembershipSettings } from '@/core/membership/defaults'
import type { MembershipSettings } from '@/core/membership/types'
import { broadbandAccounts, broadbandCounts, generateBroadband, type BroadbandPlan } from './broadband'
import { registerBroadband, type BroadbandIds } from './broadband-writes'
import { generateService, serviceCounts, serviceDays } from './service'
import { registerService } from './service-writes'
import { blacklistMembers, enrolMembers, recordVisits } from './desk-writes'
import { demoToday, generateMembership, membershipCounts, type DemoMembership, type MembershipCounts } from './members'
import { pickMemberSignins, registerMemberSignins, type MemberSigninsDone } from './member-signins'
import { foundDemoOrganisation, joinFresh, type SignedIn } from './organisation'
import { generatePeople } from './people'
import { generateReception, receptionCounts, receptionDays } from './reception'
import { registerReception } from './reception-writes'
import { ensureEmpty, serverCounts, type DemoServer } from './server'
import { demoSignIns, registrar } from './sign-ins'

/** People per sync round: each batch is sealed on the front-desk device, then pushed. */
const batchSize = 250

export interface DemoOptionsUsed {
  seed: number
  people: number
  /** Members and visits: none when absent (people only, as bench/initial-sync.bench.ts wants). */
  members?: number
  visits?: number
  today?: string
  /** A month of visitors at the reception desk (issue 11): off when absent, as for bench/initial-sync.bench.ts. */
  reception?: boolean
  /** A year at the broadband counter (issue 12): off when absent, as for the benches. */
  broadband?: boolean
  /** How many broadband accounts (default 300; at most `people`). */
  accounts?: number
  /** Issue 14: three people's sign-ins on their own phone (a member, a subscriber, both): off when absent, as for the benches. */
  memberSignins?: boolean
  /** Issue 15: how many service requests over the two months up to today: none when absent, as for the benches. */
  requests?: number
  forceNew: boolean
}

export interface DemoSummary {
  counts: { database: string; docs: number }[]
  membership: MembershipCounts
  reception?: ReturnType<typeof receptionCounts>
  broadband?: ReturnType<typeof broadbandCounts>
  memberSignins?: MemberSigninsDone
  service?: ReturnType<typeof serviceCounts>
  seconds: { organisation: number; people: number; members: number; reception: number; broadband: number; memberSignins: number; service: number; total: number }
}

const since = (t: number) => Math.round((performance.now() - t) / 100) / 10

/**
 * The front-desk user registers the people on their device, through the
 * people repository (field clocks, blind indexes, sealing, an audit entry for
 * each), and the device syncs after every batch. Returns the people's ids, in order.
 */
async function registerPeople(desk: SignedIn, people: Person[], out: (line: string) => void): Promise<string[]> {
  const ids: string[] = []
  const engine = desk.device.engine(desk.session)
  try {
    for (let i = 0; i < people.length; i += batchSize) {
      for (const person of people.slice(i, i + batchSize)) ids.push(await desk.device.storage.people.put(person))
      await desk.device.sync(desk.session, engine)
      out(`  people: ${Math.min(i + batchSize, people.length)}/${people.length} registered by ${desk.spec.username} and synced`)
    }
  } finally {
    await engine.close()
  }
  return ids
}

/** Everything `npm run demo` does to a server, once it has one. */
export async function runDemo(server: DemoServer, options: DemoOptionsUsed, out: (line: string) => void): Promise<DemoSummary> {
  const started = performance.now()
  await ensureEmpty(server, demoSignIns.map((s) => s.username), options.forceNew, out)
  out(`Demo organisation on ${server.base} (Argon2id at the app's cost: a few seconds)`)
  const staff = await foundDemoOrganisation(server.base, server.admin, demoSignIns, out)
  const organisation = since(started)

  const peopleStart = performance.now()
  const people = generatePeople(options.seed, options.people)
  out(`People: ${people.length} from seed ${options.seed}, in batches of ${batchSize}`)
  const desk = await joinFresh(server.base, registrar)
  out(`  ${registrar.username}: joined from a fresh front-desk device with their passphrase`)
  const personIds = await registerPeople(desk, people, out)
  const peopleSeconds = since(peopleStart)

  const membersStart = performance.now()
  const { counts: membership, written: membershipWritten } = await registerMembers(server, staff, desk, { seed: options.seed, members: options.members ?? 0, visits: options.visits ?? 0, today: options.today, people, personIds }, out)
  const members = since(membersStart)

  const receptionStart = performance.now()
  const reception = options.reception ? await registerVisitors(desk, staff, options.seed, options.today ?? demoToday, out) : undefined
  const receptionSeconds = since(receptionStart)

  const broadbandStart = performance.now()
  const accounts = Math.min(options.accounts ?? broadbandAccounts, people.length)
  const bb = options.broadband && accounts > 0 ? await registerAccounts(staff, { seed: options.seed, today: options.today ?? demoToday, people, personIds, accounts }, out) : undefined
  const broadband = bb?.counts
  const broadbandSeconds = since(broadbandStart)

  const signinsStart = performance.now()
  const memberSignins = options.memberSignins ? await registerPhoneSignIns(server, staff, desk, { today: options.today ?? demoToday, personIds, membership: membershipWritten, broadband: bb?.plan }, out) : undefined
  const signinsSeconds = since(signinsStart)

  const serviceStart = performance.now()
  const service = options.requests ? await registerServiceRequests(staff, { seed: options.seed, today: options.today ?? demoToday, people, personIds, requests: options.requests, broadband: bb }, out) : undefined
  return {
    counts: await serverCounts(server.admin),
    membership,
    ...(reception ? { reception } : {}),
    ...(broadband ? { broadband } : {}),
    ...(memberSignins ? { memberSignins } : {}),
    ...(service ? { service } : {}),
    seconds: { organisation, people: peopleSeconds, members, reception: receptionSeconds, broadband: broadbandSeconds, memberSignins: signinsSeconds, service: since(serviceStart), total: since(started) },
  }
}

/** Issue 14: three people sign in on their own phone (README.md lists them); the desk and the counter write their pages. */
async function registerPhoneSignIns(
  server: DemoServer,
  staff: SignedIn[],
  desk: SignedIn,
  options: { today: string; personIds: string[]; membership?: { plan: DemoMembership; settings: MembershipSettings }; broadband?: BroadbandPlan },
  out: (line: string) => void,
): Promise<MemberSigninsDone | undefined> {
  const timeZone = (await desk.device.storage.orgSettings.read()).settings.timeZone
  const picks = pickMemberSignins({ today: options.today, timeZone, personIds: options.personIds, ...(options.membership ? { membership: options.membership } : {}), ...(options.broadband ? { broadband: options.broadband } : {}) })
  if (picks.length === 0) return undefined
  out(`Phone sign-ins for members: ${picks.map((p) => p.signIn.username).join(', ')} on their own phone (Argon2id at the app's cost: a few seconds)`)
  const agent = staff.find((s) => s.spec.role === 'agent')
  return registerMemberSignins(server.base, server.admin, { desk, ...(agent ? { agent } : {}) }, picks, { personIds: options.personIds, today: options.today, timeZone }, out)
}

/** Issue 12: a year at the broadband counter, written by the agent on their own device (the `accounts` realm is not the front desk's). */
async function registerAccounts(staff: SignedIn[], options: { seed: number; today: string; people: Person[]; personIds: string[]; accounts: number }, out: (line: string) => void) {
  const agent = staff.find((s) => s.spec.role === 'agent')!
  const timeZone = (await agent.device.storage.orgSettings.read()).settings.timeZone
  const plan = generateBroadband({ seed: options.seed, today: options.today, timeZone, people: options.people, accounts: options.accounts, by: agent.session.userId })
  const counts = broadbandCounts(plan)
  out(`Broadband: ${counts.accounts} accounts from seed ${options.seed} over the year up to ${options.today}, ${counts.billRuns} bill runs, ${counts.payments} payments`)
  const ids = await registerBroadband(agent, plan, options.personIds, out)
  return { counts, plan, ids }
}

/** Issue 15: two months of service requests, each step on the device of who does it (service-writes.ts). */
async function registerServiceRequests(
  staff: SignedIn[],
  options: { seed: number; today: string; people: Person[]; personIds: string[]; requests: number; broadband?: { plan: BroadbandPlan; ids: BroadbandIds } },
  out: (line: string) => void,
) {
  const lead = staff.find((s) => s.spec.role === 'lead')!
  const timeZone = (await lead.device.storage.orgSettings.read()).settings.timeZone
  const technicians = staff.filter((s) => s.spec.role === 'technician').map((s) => s.spec.username)
  // Fault reports come from subscribers who are directory people (not the businesses), on their own account.
  const accounts = (options.broadband?.plan.agreements ?? []).filter((a) => a.record.subscriberId.startsWith('person-')).map((a) => ({ account: a.id, customer: a.record.subscriberId }))
  const plan = generateService(options.seed, options.today, timeZone, options.people.length, accounts, technicians, options.requests)
  const counts = serviceCounts(plan)
  out(`Service: ${counts.requests} requests from seed ${options.seed} over the ${serviceDays} days up to ${options.today} (${counts.complaints} complaints, ${counts.enquiries} enquiries), worked by ${technicians.join(' and ')}`)
  await registerService(plan, { personIds: options.personIds, people: options.people, accountIds: options.broadband?.ids.accounts ?? new Map(), staff }, out)
  return counts
}

/** REC-1, REC-2, REC-6: a month of visitors, registered by the front desk; any staff member but the admin is visited. */
async function registerVisitors(desk: SignedIn, staff: SignedIn[], seed: number, today: string, out: (line: string) => void) {
  const hosts = staff.filter((s) => s.spec.role !== 'admin')
  const timeZone = (await desk.device.storage.orgSettings.read()).settings.timeZone
  const plan = generateReception({ seed, today, timeZone, hosts: hosts.length })
  out(`Reception: ${plan.visitors.length} visitors from seed ${seed}, ${plan.visits.length} visits in the ${receptionDays} days up to ${today}, ${plan.expected.length} pre-registrations`)
  await registerReception(desk, hosts, plan, out)
  return receptionCounts(plan)
}

/** Members, their ledger, the manager's blacklisting and the visits (MEM-*), written by who does it in the app. */
async function registerMembers(
  server: DemoServer,
  staff: SignedIn[],
  desk: SignedIn,
  options: { seed: number; members: number; visits: number; today?: string; people: Person[]; personIds: string[] },
  out: (line: string) => void,
): Promise<{ counts: MembershipCounts; written?: { plan: DemoMembership; settings: MembershipSettings } }> {
  const { people, personIds } = options
  const managerSpec = demoSignIns.find((s) => s.role === 'manager')!
  const stored = await desk.device.storage.desk.settings.get()
  const settings = stored ?? defaultMembershipSettings()
  const plan = generateMembership({
    seed: options.seed,
    people: personIds.map((id, i) => ({ id, createdAt: people[i]!.createdAt })),
    members: options.members,
    visits: options.visits,
    today: options.today,
    settings,
    actors: { desk: desk.session.userId, deviceId: (await desk.device.storage.deviceIdentity()).deviceId, manager: staff.find((s) => s.spec === managerSpec)!.session.userId },
  })
  const membership = membershipCounts(plan, settings)
  if (plan.members.length === 0) return { counts: membership }
  out(
    `Members: ${plan.members.length} from seed ${options.seed} as of ${plan.today} (${stored ? "the organisation's" : 'default'} tiers and prices), ` +
      `${plan.visits.length} visits in the 60 days up to it`,
  )
  const memberIds = await enrolMembers(desk, plan, out)
  if (plan.blacklist.length > 0) {
    const manager = await joinFresh(server.base, managerSpec)
    out(`  ${managerSpec.username}: joined from a fresh device with their passphrase`)
    await blacklistMembers(manager, plan, memberIds, out)
  }
  await recordVisits(desk, plan, memberIds, out)
  return { counts: membership, written: { plan, settings } }
}
