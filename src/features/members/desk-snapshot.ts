import { defaultMembershipSettings } from '@/core/membership/defaults'
import { membershipState, type MembershipState } from '@/core/membership/membership-state'
import { isBlacklisted } from '@/core/membership/blacklist'
import type { BlacklistEvent, CheckIn, CheckOut, LedgerEntry, Member, MembershipSettings, ServiceLog, WaitlistEntry } from '@/core/membership/types'
import { localDateOf } from '@/core/shared/local-date'
import { deskTimeZone } from '@/core/organisation/time-zone'
import type { Stored } from '@/storage/sealed-repo'
import type { LobbyStorage } from '@/storage/lobby-storage'

/**
 * What the desk's rules read, in the shape of the whole realm: either all of it (`DeskSnapshot`, what
 * realm-wide aggregates need: the members list, caps, deposits held) or a slice (`DeskSlice`,
 * desk-slice.ts: some members with their fees, and some days' visits, what a scan needs).
 * `scope` says which, so an action that counts across the realm cannot be handed a slice. A third shape,
 * `focus` (member-focus.ts), is what a member's pages and the actions on them read.
 */
export interface DeskView {
  scope: 'realm' | 'slice' | 'focus'
  settings: MembershipSettings
  /** Whether `settings` were stored (false: the defaults, nothing saved yet). */
  settingsSaved: boolean
  members: Stored<Member>[]
  ledger: LedgerEntry[]
  checkIns: Stored<CheckIn>[]
  checkOuts: CheckOut[]
  blacklist: BlacklistEvent[]
  serviceLogs: ServiceLog[]
  waitlist: Stored<WaitlistEntry>[]
  /** Check-in ids already reviewed as duplicates. */
  reviewed: Set<string>
}

/**
 * Everything the membership desk keeps, read at once: only for screens that aggregate over the whole realm
 * (opened by a manager, never on a scan). Each record is decrypted once per session (the repositories
 * remember), so reading it again costs IndexedDB reads, not cryptography.
 */
export interface DeskSnapshot extends DeskView {
  scope: 'realm'
}

export async function loadDeskSnapshot(storage: Pick<LobbyStorage, 'desk' | 'orgSettings'>): Promise<DeskSnapshot> {
  const desk = storage.desk
  const [organisation, settings, members, ledger, checkIns, checkOuts, blacklist, serviceLogs, waitlist, reviews] = await Promise.all([
    storage.orgSettings.read(),
    desk.settings.get(),
    desk.members.list(),
    desk.ledger.list(),
    desk.checkIns.list(),
    desk.checkOuts.list(),
    desk.blacklist.list(),
    desk.serviceLogs.list(),
    desk.waitlist.list(),
    desk.reviews.list(),
  ])
  const stored = settings ?? defaultMembershipSettings()
  return {
    scope: 'realm',
    // Tier hours stay the desk's; the zone is the organisation's (an organisation from before its settings: the desk's own).
    settings: { ...stored, timeZone: deskTimeZone(organisation.saved ? organisation.settings.timeZone : undefined, settings?.timeZone) },
    settingsSaved: settings !== undefined,
    members,
    ledger: ledger.map((s) => s.record),
    checkIns,
    checkOuts: checkOuts.map((s) => s.record),
    blacklist: blacklist.map((s) => s.record),
    serviceLogs: serviceLogs.map((s) => s.record),
    waitlist,
    reviewed: new Set(reviews.flatMap((r) => r.record.checkInIds)),
  }
}

/** Today in the organisation's time zone. */
export const todayIn = (snapshot: Pick<DeskView, 'settings'>, now: number) => localDateOf(now, snapshot.settings.timeZone)

export function stateOf(snapshot: DeskView, memberId: string, now: number): MembershipState {
  return membershipState(snapshot.ledger, memberId, todayIn(snapshot, now), snapshot.settings)
}

export const blacklistOf = (snapshot: DeskView, memberId: string) => isBlacklisted(snapshot.blacklist, memberId)

export const tierOf = (snapshot: Pick<DeskView, 'settings'>, tierId: string | undefined) => snapshot.settings.tiers.find((t) => t.id === tierId)
