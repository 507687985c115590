/**
 * Issue 14 (BB-11): three of the demo's people get a sign-in on their own phone (the member app at `/me/`), made
 * the way the app makes one: staff issue the one-time code (`issueMemberSignin`: `desk1` at the desk for a member,
 * `agent` at the counter for a subscriber), the person's phone signs in with it once and sets its own password
 * (`memberSignIn`, `setMemberPassword`, with a cookie jar of its own, as a browser keeps one), and the staff write
 * the pages the phone shows (`writeMemberViews`): `desk1` the membership and visits, `agent` the broadband bills.
 * The passwords are fixed so README.md can list them (a code works once); Argon2id at the app's cost, as the
 * phone uses.
 *
 * Who they are is picked from the plans the demo wrote (`pickMemberSignins`, pure): a member with the longest
 * history still running, with visits; a subscriber whose bills hold a late fee and charges still disputable;
 * someone with both.
 */
import { phoneFetch } from '../../test/support/phone-fetch'
import { disputeOptions } from '@/core/broadband/dispute-options'
import type { LedgerLine } from '@/core/broadband/types'
import { membershipState } from '@/core/membership/membership-state'
import type { LedgerEntry as MembershipEntry, MembershipSettings } from '@/core/membership/types'
import { disputeGate, ownSlice } from '@/core/self-service/broadband-slice'
import { instantOf, localDateOf } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'
import { issueMemberSignin } from '@/features/member-signins/issue-signin'
import { writeMemberViews } from '@/features/member-signins/member-views'
import { memberSignIn, setMemberPassword } from '@/identity/member-sign-in'
import { normaliseSetupCode } from '@/identity/setup-code'
import { fetchOrganisation } from '@/member-app/member-org'
import { databaseNameFor } from '@/sync/remote-names'
import { docPath, type CouchClient } from '../../server/provision/http-client.js'
import { applyMemberSignin } from '../../server/provision/member-signins.js'
import type { BroadbandPlan } from './broadband'
import type { DemoMembership } from './members'
import type { SignedIn } from './organisation'

export type MemberSigninShows = 'membership' | 'broadband' | 'both'

export interface DemoMemberSignIn {
  username: string
  password: string
  shows: MemberSigninShows
}

/** The demo's member sign-ins, documented in README.md ("Demo"): what each shows on the phone. */
export const demoMemberSignIns: readonly DemoMemberSignIn[] = [
  { username: 'member1', password: 'demo-member-one-2026', shows: 'membership' },
  { username: 'member2', password: 'demo-member-two-2026', shows: 'broadband' },
  { username: 'member3', password: 'demo-member-three-2026', shows: 'both' },
]

/** One membership as the demo planned it, and what its phone pages will show. */
interface MemberFacts {
  member: number
  person: number
  since: LocalDate
  fees: number
  visits: number
  vip: boolean
}

/** One subscriber's account as the demo planned it, and what its phone pages will show. */
interface AccountFacts {
  account: string
  accountNo: string
  person: number
  months: number
  lateFeeMonths: string[]
  disputable: number
}

export interface MemberSigninPick {
  signIn: DemoMemberSignIn
  /** Index into the demo's people (and so into `personIds`). */
  person: number
  membership?: MemberFacts
  account?: AccountFacts
}

export interface MemberSigninInput {
  today: LocalDate
  timeZone: string
  /** The stored ids of the demo's people, in the order generated. */
  personIds: readonly string[]
  membership?: { plan: DemoMembership; settings: MembershipSettings }
  broadband?: BroadbandPlan
}

/** Members today, not blacklisted, with what their membership pages show. */
function membersOf(input: MemberSigninInput): MemberFacts[] {
  if (!input.membership) return []
  const { plan, settings } = input.membership
  const person = new Map(input.personIds.map((id, i) => [id, i]))
  const entries = plan.members.map((): MembershipEntry[] => [])
  for (const e of plan.ledger) entries[e.member]!.push({ ...e, memberId: '' } as MembershipEntry)
  const visits = plan.members.map(() => 0)
  for (const v of plan.visits) visits[v.member]!++
  const blacklisted = new Set(plan.blacklist.map((b) => b.member))
  const topRank = Math.max(...settings.tiers.map((t) => t.rank))
  return plan.members.flatMap((m, i): MemberFacts[] => {
    const state = membershipState(entries[i]!, '', input.today, settings)
    if (state.status !== 'active' || blacklisted.has(i)) return []
    const fees = entries[i]!.filter((e) => e.kind === 'fee')
    const tier = settings.tiers.find((t) => t.id === state.tierId)
    return [{ member: i, person: person.get(m.personId)!, since: localDateOf(fees[0]!.at, input.timeZone), fees: fees.length, visits: visits[i]!, vip: topRank > 1 && tier?.rank === topRank }]
  })
}

/** Subscribers' accounts (people, not businesses) in service today, with what their bill pages show. */
function accountsOf(input: MemberSigninInput): AccountFacts[] {
  const plan = input.broadband
  if (!plan) return []
  const lines = new Map<string, LedgerLine[]>()
  for (const l of plan.ledger) lines.set(l.record.accountId, [...(lines.get(l.record.accountId) ?? []), l])
  return plan.agreements.flatMap(({ id, record }): AccountFacts[] => {
    if (!record.subscriberId.startsWith('person-')) return []
    const own = lines.get(id) ?? []
    // As the phone's view folds it (core/self-service/broadband-view.ts): BB-7's window, not twice, not in arrears.
    const slice = ownSlice({ accountId: id, agreement: record, changes: plan.statusChanges, lines: own, disputes: plan.dispute ? [plan.dispute] : [], today: input.today, now: 0 })
    if (slice.state.status !== 'active') return []
    const disputable = disputeOptions(slice.lines, slice.disputes, input.today, disputeGate(slice)).filter((o) => o.state.open).length
    const months = new Set(own.flatMap((l) => (l.record.kind === 'charge' && l.record.month ? [l.record.month] : []))).size
    const lateFeeMonths = own.filter((l) => l.record.kind === 'late-fee').map((l) => l.record.on.slice(0, 7))
    return [{ account: id, accountNo: record.accountNo, person: Number(record.subscriberId.slice('person-'.length)), months, lateFeeMonths, disputable }]
  })
}

/** Sort keys, smallest first. */
const byKeys = <T>(key: (x: T) => (number | string)[]) => (a: T, b: T) => {
  const [ka, kb] = [key(a), key(b)]
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1
  return 0
}
/** A long history with visits: a few visits first, then the earliest first fee, then the most visits. */
const memberKey = (m: MemberFacts) => [m.visits >= 3 ? 0 : 1, m.since, -m.visits, -m.fees]
/** Charges still disputable (BB-7), a late fee among the bills (BB-5), then the most months billed. */
const accountKey = (a: AccountFacts) => [a.disputable > 0 ? 0 : 1, a.lateFeeMonths.length > 0 ? 0 : 1, -a.months]

/**
 * Who gets the three sign-ins: the subscriber first (among people who are not members, if any fit), then someone
 * with both, then the member (among people without an account, if any fit). A small demo may have no one for a
 * sign-in (no members, or no accounts): that one is left out.
 */
export function pickMemberSignins(input: MemberSigninInput): MemberSigninPick[] {
  const members = membersOf(input).sort(byKeys(memberKey))
  const accounts = accountsOf(input).sort(byKeys(accountKey))
  const membersByPerson = new Map(members.map((m) => [m.person, m]))
  const accountsByPerson = new Map<number, AccountFacts>()
  for (const a of accounts) if (!accountsByPerson.has(a.person)) accountsByPerson.set(a.person, a)
  const taken = new Set<number>()
  const picks: MemberSigninPick[] = []
  const spec = (shows: MemberSigninShows) => demoMemberSignIns.find((s) => s.shows === shows)!

  const subscriber = accounts.find((a) => !membersByPerson.has(a.person)) ?? accounts[0]
  if (subscriber) {
    picks.push({ signIn: spec('broadband'), person: subscriber.person, account: subscriber })
    taken.add(subscriber.person)
  }
  const both = members
    .flatMap((m) => (taken.has(m.person) || !accountsByPerson.has(m.person) ? [] : [{ m, a: accountsByPerson.get(m.person)! }]))
    .sort(byKeys(({ m, a }) => [m.visits >= 3 ? 0 : 1, a.disputable > 0 ? 0 : 1, m.since, -a.months]))[0]
  if (both) {
    picks.push({ signIn: spec('both'), person: both.m.person, membership: both.m, account: both.a })
    taken.add(both.m.person)
  }
  const free = members.filter((m) => !taken.has(m.person))
  const member = free.find((m) => !accountsByPerson.has(m.person)) ?? free[0]
  if (member) picks.push({ signIn: spec('membership'), person: member.person, membership: member })
  return picks.sort((a, b) => demoMemberSignIns.indexOf(a.signIn) - demoMemberSignIns.indexOf(b.signIn))
}

const counted = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`

/** What a sign-in's phone shows, in a line (the summary and README.md). */
export function describePick(pick: MemberSigninPick): string {
  const parts: string[] = []
  const m = pick.membership
  if (m) parts.push(`${m.vip ? 'VIP ' : ''}member since ${m.since} (${counted(m.fees, 'fee')}), ${counted(m.visits, 'visit')} in the last 60 days`)
  const a = pick.account
  if (a) {
    const late = a.lateFeeMonths.length ? `, late fee ${[...new Set(a.lateFeeMonths)].join(', ')}` : ''
    parts.push(`broadband ${a.accountNo}: ${counted(a.months, 'month')} billed${late}, ${counted(a.disputable, 'charge')} still disputable`)
  }
  return parts.join('; ')
}


export interface MemberSigninsDone {
  picks: MemberSigninPick[]
  /** The sign-in table: the person's name and what their phone shows, with the views written into their database. */
  rows: { username: string; password: string; name: string; shows: string; views: number }[]
}

/**
 * Issues each pick's sign-in on the staff device that serves them, signs in once on a fresh "phone" with the code
 * and sets the demo password, then writes the pages the phone shows as of the demo's today (late that evening, so
 * the day's records are in). `admin`: the server admin, to take a request the server's follower did not (a plain
 * CouchDB without `npm run provision -- --follow`).
 */
export async function registerMemberSignins(
  base: string,
  admin: CouchClient,
  staff: { desk: SignedIn; agent?: SignedIn },
  picks: readonly MemberSigninPick[],
  options: { personIds: readonly string[]; today: LocalDate; timeZone: string },
  out: (line: string) => void,
): Promise<MemberSigninsDone> {
  const { desk, agent } = staff
  const issuerOf = (pick: MemberSigninPick) => (pick.signIn.shows === 'broadband' && agent ? agent : desk)
  const org = await fetchOrganisation(base, phoneFetch())
  if (org === 'no-server') throw new Error('member sign-ins: the server has no organisation')
  for (const pick of picks) {
    const issuer = issuerOf(pick)
    const { username, password } = pick.signIn
    const issued = await issueMemberSignin(issuer.device.storage, issuer.session, { personId: options.personIds[pick.person]!, signInName: username }, { serverBase: base, fetchFn: issuer.device.fetch, waitMs: 10_000 })
    if (!issued.ok) throw new Error(`member sign-in ${username}: ${issued.problem}${'reason' in issued ? ` (${issued.reason})` : ''}`)
    if (issued.outcome.state === 'waiting') await takeRequest(admin, issued.userId, out)
    // The phone: the code as typed without its dashes (one Argon2id derivation), then its own password.
    const phone = phoneFetch()
    const first = await memberSignIn(org.orgId, username, normaliseSetupCode(issued.code), { serverBase: base, fetchFn: phone })
    if (first.status !== 'setup-required') throw new Error(`member sign-in ${username}: the code gave ${first.status}`)
    const set = await setMemberPassword(first.pending, { password, repeat: password }, { fetchFn: phone })
    if (!set.ok) throw new Error(`member sign-in ${username}: the password was refused: ${set.problem}`)
    out(`  ${username}: code issued by ${issuer.spec.username}, first sign-in on a fresh phone, own password set`)
  }
  // The sign-ins are in the directory realm: the agent's device pulls the desk's before writing their bills.
  await desk.device.sync(desk.session)
  if (agent) await agent.device.sync(agent.session)

  const now = instantOf(options.today, '23:00', options.timeZone)
  const views: Record<string, number> = {}
  for (const pick of picks) {
    const writers = [pick.membership ? desk : undefined, pick.account ? agent : undefined].filter((w): w is SignedIn => w !== undefined)
    for (const writer of writers) {
      const result = await writeMemberViews(writer.device.storage, writer.session, options.personIds[pick.person]!, { serverBase: base, fetchFn: writer.device.fetch, now })
      if (!('written' in result)) throw new Error(`member sign-in ${pick.signIn.username}: views not written (${result.skipped})`)
      views[pick.signIn.username] = (views[pick.signIn.username] ?? 0) + result.written
      out(`  ${pick.signIn.username}: ${result.written} pages written by ${writer.spec.username}`)
    }
  }
  // Their audit entries.
  await desk.device.sync(desk.session)
  if (agent) await agent.device.sync(agent.session)
  const rows = []
  for (const pick of picks) {
    const person = await desk.device.storage.people.get(options.personIds[pick.person]!)
    rows.push({ username: pick.signIn.username, password: pick.signIn.password, name: person?.name ?? '', shows: describePick(pick), views: views[pick.signIn.username] ?? 0 })
  }
  return { picks: [...picks], rows }
}

/** What the server's follower does with a request (server/provision/member-signins.js), when none is running. */
async function takeRequest(admin: CouchClient, userId: string, out: (line: string) => void): Promise<void> {
  const { status, body } = await admin.request('GET', docPath(databaseNameFor('signin'), `member-signin:${userId}`), { ok: [404] })
  if (status === 404) return // taken meanwhile
  const result = await applyMemberSignin(admin, body)
  if (result.outcome !== 'applied') throw new Error(`member sign-in: the request was refused: ${result.reason}`)
  out('  (no member-sign-in follower answered on this server: the demo made the account as it would; run npm run provision -- --follow beside CouchDB)')
}
