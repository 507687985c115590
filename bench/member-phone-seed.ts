/**
 * The server side of `member_first_statement_ms` (issue 14): a demo organisation (admin and manager, founded as
 * `npm run demo` founds it, Argon2id at the app's cost) and, on the manager's device in Node, one person with **3 years
 * of history**: a broadband account with 36 months of charges and payments (bench/browser/broadband-plan.ts's history
 * account: three months paid late with their late fees and a suspension, an outage credited across a month end, a
 * line-sharing back-charge) and a membership with 3 years of fees and about 150 visits a year. The records are written
 * through the app's own repositories on that device (`storage.recordContext`: the desk's members, fees and visits,
 * `createBroadbandRecords`), the sign-in is issued with `issueMemberSignin` at the default KDF cost (the phone derives
 * with the same), and the member's views are written into their database with `writeMemberViews`, as the desk does.
 *
 * A manager, because a manager holds both realms the views are folded from (desk and accounts) and may issue sign-ins.
 * Nothing is pushed to the shared databases: the phone reads only its own database, which `writeMemberViews` fills.
 */
import { termEnd } from '@/core/membership/term-dates'
import type { Term } from '@/core/membership/types'
import { defaultMembershipSettings } from '@/core/membership/defaults'
import { addDaysTo, daysBetween, instantOf, localDateOf } from '@/core/shared/local-date'
import { createBroadbandRecords } from '@/features/broadband/broadband-records'
import { issueMemberSignin } from '@/features/member-signins/issue-signin'
import { memberViewsOf, writeMemberViews } from '@/features/member-signins/member-views'
import { foundDemoOrganisation, type SignedIn } from '../scripts/demo/organisation'
import { generatePeople, mulberry32 } from '../scripts/demo/people'
import { ensureEmpty, remoteServer } from '../scripts/demo/server'
import { demoSignIns } from '../scripts/demo/sign-ins'
import { planAgreements, planHistory } from './browser/broadband-plan'

export interface MemberPhoneSizes {
  seed: number
  years: number
  visitsPerYear: number
}

export interface MemberPhoneSeed {
  /** What the desk's QR link holds: the sign-in name and a fresh one-time code. */
  signInName: string
  code: string
  accountId: string
  /** The newest month the phone has a statement of. */
  month: string
  counts: { ledgerLines: number; chargedMonths: number; fees: number; visits: number; views: number; viewMonths: number }
  /** Issues a new one-time code for the same person (a forgotten password), as the desk does between phones. */
  reissue(): Promise<string>
  seconds: number
}

/** Fees stacked from `years` ago until one covers today: a year of monthly fees, then half-years, then yearly. */
function planFees(today: string, years: number) {
  const fees: { term: Term; start: string; end: string }[] = []
  for (let start = addDaysTo(today, -Math.round(365 * years)); start <= today; ) {
    const age = daysBetween(fees[0]?.start ?? start, start)
    const term: Term = age < 365 ? 'month' : age < 730 ? 'halfYear' : 'year'
    const end = termEnd(start, term)
    fees.push({ term, start, end })
    start = addDaysTo(end, 1)
  }
  return fees
}

export async function seedMemberPhone(lobby: { url: string; adminUser: string; adminPassword: string }, sizes: MemberPhoneSizes, log: (line: string) => void): Promise<MemberPhoneSeed> {
  const t0 = performance.now()
  const say = (line: string) => log(`  [seed] ${line} (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
  const server = await remoteServer(`${lobby.url}/db/`, lobby.adminUser, lobby.adminPassword)
  const founders = [demoSignIns.find((s) => s.role === 'admin')!, demoSignIns.find((s) => s.role === 'manager')!]
  await ensureEmpty(server, founders.map((s) => s.username), false, () => {})
  const [, manager] = (await foundDemoOrganisation(server.base, server.admin, founders, () => {})) as [SignedIn, SignedIn]
  say('organisation founded (admin, manager)')

  const { storage, fetch: managerFetch } = manager.device
  const session = manager.session
  const by = session.userId
  const { deviceId } = await storage.deviceIdentity()
  const desk = storage.desk
  const broadband = createBroadbandRecords(storage.recordContext)
  const settings = (await desk.settings.get()) ?? defaultMembershipSettings()
  const timeZone = settings.timeZone
  const today = localDateOf(Date.now(), timeZone)
  const rng = mulberry32(sizes.seed)
  const int = (n: number) => Math.floor(rng() * n)

  const [person] = generatePeople(sizes.seed, 1)
  const personId = await storage.people.put(person!)

  // The membership: 3 years of fees, and visits on days they paid for, before today.
  const tier = [...settings.tiers].sort((a, b) => a.rank - b.rank)[0]!
  const planned = planFees(today, sizes.years)
  const memberId = await desk.members.put({ personId, memberNo: `M${String(100_000 + sizes.seed).slice(-6)}`, cardSerial: 1, createdAt: instantOf(planned[0]!.start, '10:00', timeZone) })
  const fees = planned.map((f, i) => ({
    kind: 'fee' as const,
    memberId,
    at: instantOf(i === 0 ? f.start : addDaysTo(f.start, -int(10) - 1), '10:00', timeZone) + int(8 * 3600) * 1000,
    tierId: tier.id,
    term: f.term,
    listed: tier.prices[f.term],
    credit: 0,
    amount: tier.prices[f.term],
    start: f.start,
    end: f.end,
    method: 'transfer' as const,
    receiptNo: `PHONE-${String(i + 1).padStart(4, '0')}`,
    by,
  }))
  await desk.ledger.addMany(fees)
  const first = planned[0]!.start
  const days = daysBetween(first, addDaysTo(today, -1)) + 1
  const visitDays = new Set<string>()
  while (visitDays.size < Math.min(days, Math.round(sizes.visitsPerYear * sizes.years))) visitDays.add(addDaysTo(first, int(days)))
  const checkIns = [...visitDays].sort().map((day) => {
    const at = instantOf(day, '09:00', timeZone) + int(12 * 3600) * 1000
    return { memberId, at, day: localDateOf(at, timeZone), deviceId, by }
  })
  await desk.checkIns.addMany(checkIns)
  say(`a member with ${fees.length} fees over ${sizes.years} years and ${checkIns.length} visits`)

  // The broadband account: the broadband bench's history account (36 months), its subscriber this person.
  const input = { seed: sizes.seed, accounts: 1, today, timeZone, billRunMonths: 1, years: sizes.years }
  const [agreement] = planAgreements(input)
  const history = planHistory(input, agreement!.plan)
  const at = Date.now()
  const accountId = await broadband.agreements.put({
    accountNo: agreement!.accountNo,
    accountName: `${person!.name} ${agreement!.accountName}`,
    subscriberId: personId,
    plan: agreement!.plan,
    cycleStart: agreement!.cycleStart,
    cycleEnd: agreement!.cycleEnd,
    createdAt: at,
    createdBy: by,
  })
  await broadband.statusChanges.addMany([
    { accountId, to: 'active', on: history.serviceStart, at, by, reason: 'service-start' },
    ...history.statusChanges.map((s) => ({ accountId, to: s.to, on: s.on, at, by, reason: s.reason })),
  ])
  const outageId = await broadband.outages.put({
    accountIds: [accountId],
    start: history.outage.start,
    end: history.outage.end,
    cause: '光缆施工挖断',
    businessCaused: true,
    promisedBy: history.outage.promisedBy,
    recordedAt: history.outage.start + 3_600_000,
    recordedBy: by,
    creditedAt: history.outage.end + 86_400_000,
  })
  const entries = history.entries.map((e) => ({ ...e, accountId, by, ...(e.detail?.kind === 'outage' ? { detail: { ...e.detail, outageId } } : {}) }))
  await broadband.ledger.addMany(entries)
  const chargedMonths = entries.filter((e) => e.kind === 'charge').length
  say(`a broadband account with ${entries.length} ledger lines (${chargedMonths} months charged)`)

  // The desk's sign-in (default KDF cost), then the member's views, as the member's page at the desk writes them.
  const signInName = agreement!.accountNo
  const issue = async () => {
    const issued = await issueMemberSignin(storage, session, { personId, signInName }, { serverBase: server.base, fetchFn: managerFetch })
    if (!issued.ok) throw new Error(`issueMemberSignin: ${issued.problem}${'reason' in issued ? ` (${issued.reason})` : ''}`)
    if (issued.outcome.state !== 'ready') throw new Error(`issueMemberSignin: the server has not made the account (${issued.outcome.state})`)
    return issued.code
  }
  const code = await issue()
  say('sign-in issued (Argon2id at the default cost)')
  const views = await memberViewsOf(storage, session, personId, Date.now())
  const written = await writeMemberViews(storage, session, personId, { serverBase: server.base, fetchFn: managerFetch })
  if (!('written' in written)) throw new Error(`writeMemberViews: ${written.skipped}`)
  const months = views.flatMap((v) => (v.type === 'self-bb-month' ? [(v.body as { month: string }).month] : [])).sort()
  const month = months.at(-1)
  if (!month) throw new Error('writeMemberViews: no month of statements among the views')
  say(`${written.written} views written into the member's database (${months.length} months of statements, the newest ${month})`)

  return {
    signInName,
    code,
    accountId,
    month,
    counts: { ledgerLines: entries.length, chargedMonths, fees: fees.length, visits: checkIns.length, views: written.written, viewMonths: months.length },
    reissue: issue,
    seconds: (performance.now() - t0) / 1000,
  }
}
