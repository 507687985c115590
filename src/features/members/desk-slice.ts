import { defaultMembershipSettings } from '@/core/membership/defaults'
import type { BlacklistEvent, CheckIn, CheckOut, LedgerEntry, LocalDate, Member, MembershipSettings } from '@/core/membership/types'
import type { Stored } from '@/storage/sealed-repo'
import { addDaysTo } from '@/core/shared/local-date'
import { duplicateCheckIns, whoIsIn } from '@/core/membership/visits'
import { deskTimeZone } from '@/core/organisation/time-zone'
import type { LobbyStorage } from '@/storage/lobby-storage'
import type { DeskView } from './desk-snapshot'
import { todayIn } from './desk-snapshot'

/**
 * A slice of the desk realm (docs/architecture.md "Reading a slice"): some members with their fees and
 * blacklist events, and the visits of some days, each read through blind `parent` / `day` indexes so only
 * those records are opened. Enough for a scan's rules (`decide`, `stateOf`, `openToday`) and the check-in
 * page's lists; never for an aggregate over the realm (those take a `DeskSnapshot`).
 */
export interface DeskSlice extends DeskView {
  scope: 'slice'
  /** The day the check-in page's slice was read for (`loadDeskDay`): on another day it is read again. */
  day?: LocalDate
  /** Members in the slice only because a scan showed them, not named by its lists: the next scan lets them go. */
  shownOnly?: string[]
  /** Members the day's read named for its lists (duplicates to review, fees ending soon): kept whatever the visits. */
  listed?: string[]
}

/** How many of the people in now the check-in page lists (the newest): the rest are counted, and found by their card. */
export const presentShown = 100

type Desk = Pick<LobbyStorage, 'desk' | 'orgSettings'>

/** The organisation's settings (small: read once per call, the repository keeps them open for the session). */
export async function deskSettings(storage: Desk): Promise<{ settings: MembershipSettings; settingsSaved: boolean }> {
  const [organisation, settings] = await Promise.all([storage.orgSettings.read(), storage.desk.settings.get()])
  const stored = settings ?? defaultMembershipSettings()
  // Tier hours stay the desk's; the zone is the organisation's (an organisation from before its settings: the desk's own).
  const timeZone = deskTimeZone(organisation.saved ? organisation.settings.timeZone : undefined, settings?.timeZone)
  return { settings: { ...stored, timeZone }, settingsSaved: settings !== undefined }
}

/** `from` and the `count - 1` days before it, newest first. */
const daysBack = (from: LocalDate, count: number): LocalDate[] => Array.from({ length: count }, (_, i) => addDaysTo(from, -i))

export interface SliceRequest {
  memberIds: Iterable<string>
  reviewed?: Set<string>
}

/**
 * Members read at once. The day's read names hundreds (everyone whose fees end this week): asked all together,
 * their thousand-odd IndexedDB requests queue ahead of a scan made meanwhile, which then waits for them all (a
 * 700 ms check-in). In batches, a scan waits for one batch at most: a dozen small reads.
 */
export const membersPerBatch = 4

/** The members named, with their fees and blacklist events (each through the `parent` index). */
async function readMembers(storage: Desk, memberIds: Iterable<string>, between?: () => Promise<unknown>) {
  const desk = storage.desk
  const ids = [...new Set(memberIds)]
  const members: Stored<Member>[] = []
  const ledger: LedgerEntry[] = []
  const blacklist: BlacklistEvent[] = []
  for (let i = 0; i < ids.length; i += membersPerBatch) {
    if (i > 0) await between?.()
    const batch = ids.slice(i, i + membersPerBatch)
    const [m, l, b] = await Promise.all([
      Promise.all(batch.map(async (id) => ({ id, record: await desk.members.get(id) }))),
      Promise.all(batch.map((id) => desk.ledger.byParent(id))),
      Promise.all(batch.map((id) => desk.blacklist.byParent(id))),
    ])
    for (const one of m) if (one.record) members.push({ id: one.id, record: one.record })
    for (const s of l.flat()) ledger.push(s.record)
    for (const s of b.flat()) blacklist.push(s.record)
  }
  return { members, ledger: ledger.sort((a, b) => a.at - b.at), blacklist: blacklist.sort((a, b) => a.at - b.at) }
}

/** The check-ins and check-outs of these days (each through the `day` index), a day at a time, `between` them. */
async function readVisits(storage: Desk, days: LocalDate[], between?: () => Promise<unknown>) {
  const checkIns: Stored<CheckIn>[] = []
  const checkOuts: CheckOut[] = []
  for (const [i, day] of days.entries()) {
    if (i > 0) await between?.()
    const [ins, outs] = await Promise.all([storage.desk.checkIns.onDay(day), storage.desk.checkOuts.onDay(day)])
    checkIns.push(...ins)
    checkOuts.push(...outs.map((s) => s.record))
  }
  return { checkIns, checkOuts }
}

/** These members' own check-ins and check-outs of one day (`parent` and `day` intersected): no one else's. */
async function readVisitsOf(storage: Desk, memberIds: string[], day: LocalDate) {
  const [checkIns, checkOuts] = await Promise.all([
    Promise.all(memberIds.map((id) => storage.desk.checkIns.ofParentOnDay(id, day))),
    Promise.all(memberIds.map((id) => storage.desk.checkOuts.ofParentOnDay(id, day))),
  ])
  return { checkIns: checkIns.flat(), checkOuts: checkOuts.flat().map((s) => s.record) }
}

/**
 * Reads the members named and their own visits of today, as a `DeskSlice`: what a scan decides on (MEM-3: open
 * today or not). However busy the day, a scan opens no one else's visit.
 */
export async function loadDeskSlice(
  storage: Desk,
  base: { settings: MembershipSettings; settingsSaved: boolean },
  now: number,
  request: SliceRequest,
): Promise<DeskSlice> {
  const ids = [...new Set(request.memberIds)]
  const today = todayIn(base, now)
  const reviewed = request.reviewed ?? new Set<string>()
  // In one transaction once the records' own indexes are enough (a scan's whole read); type by type until then.
  const read = ids.length ? await storage.desk.memberSlices(ids, today) : { members: [], ledger: [], blacklist: [], checkIns: [], checkOuts: [] }
  if (read) {
    const byTime = <E extends { at: number }>(list: E[]) => list.sort((a, b) => a.at - b.at)
    return {
      scope: 'slice', ...base, serviceLogs: [], waitlist: [], reviewed,
      members: read.members,
      ledger: byTime(read.ledger.map((s) => s.record)),
      blacklist: byTime(read.blacklist.map((s) => s.record)),
      checkIns: read.checkIns,
      checkOuts: read.checkOuts.map((s) => s.record),
    }
  }
  const [members, visits] = await Promise.all([readMembers(storage, ids), readVisitsOf(storage, ids, today)])
  return { scope: 'slice', ...base, ...members, ...visits, serviceLogs: [], waitlist: [], reviewed }
}

/** Members with a fee whose term ends today or within `days` days after (MEM-7 candidates: their state decides). */
export async function membersWithFeesEnding(storage: Desk, today: LocalDate, days: number): Promise<Set<string>> {
  const ending = await Promise.all(Array.from({ length: days + 1 }, (_, i) => storage.desk.ledger.onDay(addDaysTo(today, i))))
  return new Set(ending.flat().map((s) => s.record.memberId))
}

/** Check-ins older than this many days are not looked at for duplicates on the check-in page. */
export const duplicateWindowDays = 7

/**
 * What the check-in page shows, read as a slice: the last days' visits (who is in; duplicates after sync,
 * within `duplicateWindowDays`), the members they name, and the members whose fees end soon (MEM-7).
 */
export async function loadDeskDay(
  storage: Desk,
  base: { settings: MembershipSettings; settingsSaved: boolean },
  now: number,
  /** `today`: only today's visits and their members ("in now"), what a desk needs the moment the page opens. */
  read: 'whole' | 'today' = 'whole',
  /** Awaited between batches of members: the page lets a scan made meanwhile go first (its decrypting too). */
  between?: () => Promise<unknown>,
): Promise<DeskSlice> {
  const today = todayIn(base, now)
  const whole = read === 'whole'
  const [visits, ending, reviews] = await Promise.all([
    readVisits(storage, daysBack(today, whole ? duplicateWindowDays : 1), between),
    whole ? membersWithFeesEnding(storage, today, base.settings.expiringWithinDays) : new Set<string>(),
    storage.desk.reviews.list(),
  ])
  const reviewed = new Set(reviews.flatMap((r) => r.record.checkInIds))
  // Members the lists name: today's visitors, those with duplicates to review, those ending soon. Not every
  // visitor of the week: the older visits are read only to find duplicates.
  const visitedToday = visits.checkIns.filter((c) => todayIn(base, c.record.at) === today).map((c) => c.record.memberId)
  const withDuplicates = duplicateCheckIns(visits.checkIns, visits.checkOuts).filter((d) => d.ids.some((id) => !reviewed.has(id))).map((d) => d.memberId)
  const members = await readMembers(storage, [...visitedToday, ...withDuplicates, ...ending], between)
  const slice: DeskSlice = { scope: 'slice', ...base, ...members, ...visits, serviceLogs: [], waitlist: [], reviewed, day: today, listed: [...new Set([...withDuplicates, ...ending])] }
  return trimVisitors(slice, presentShown, now)
}

/** The members of the newest `keep` people in now (what the page lists), newest first. */
export function shownPresent(view: DeskSlice, keep = presentShown, now: number = Date.now()): string[] {
  const today = view.day ?? todayIn(view, now)
  return whoIsIn(view.checkIns, view.checkOuts)
    .filter((c) => (c.record.day ?? todayIn(view, c.record.at)) === today)
    .sort((a, b) => b.record.at - a.record.at)
    .slice(0, keep)
    .map((c) => c.record.memberId)
}

/**
 * The page's slice without the records of today's visitors it does not list: past the newest `keep` people in
 * now, a visitor is a visit (counted in "in now", checked out by their card) and not their member record and
 * fees. A desk scanning all evening then holds a flat heap: each admit adds a visit, not a member's years of fees.
 */
export function trimVisitors(view: DeskSlice, keep = presentShown, now: number = Date.now()): DeskSlice {
  const today = view.day ?? todayIn(view, now)
  const visitors = new Set(view.checkIns.filter((c) => (c.record.day ?? todayIn(view, c.record.at)) === today).map((c) => c.record.memberId))
  if (visitors.size <= keep) return view
  const kept = new Set([...shownPresent(view, keep, now), ...(view.listed ?? []), ...(view.shownOnly ?? [])])
  const dropped = new Set([...visitors].filter((id) => !kept.has(id)))
  if (!view.members.some((m) => dropped.has(m.id))) return view
  return {
    ...view,
    members: view.members.filter((m) => !dropped.has(m.id)),
    ledger: view.ledger.filter((e) => !dropped.has(e.memberId)),
    blacklist: view.blacklist.filter((b) => !dropped.has(b.memberId)),
  }
}

/** The slice `more` adds to `view`: its members, fees and visits replace those of the same members and days. */
export function mergeSlices(view: DeskSlice, more: DeskSlice): DeskSlice {
  const added = new Set(more.members.map((m) => m.id))
  const visitIds = new Set(more.checkIns.map((c) => c.id))
  const outIds = new Set(more.checkOuts.map((c) => c.checkInId + '|' + c.at))
  return {
    ...view,
    settings: more.settings,
    settingsSaved: more.settingsSaved,
    members: [...view.members.filter((m) => !added.has(m.id)), ...more.members],
    ledger: [...view.ledger.filter((e) => !added.has(e.memberId)), ...more.ledger],
    blacklist: [...view.blacklist.filter((b) => !added.has(b.memberId)), ...more.blacklist],
    checkIns: [...view.checkIns.filter((c) => !visitIds.has(c.id)), ...more.checkIns],
    checkOuts: [...view.checkOuts.filter((c) => !outIds.has(c.checkInId + '|' + c.at)), ...more.checkOuts],
  }
}

/**
 * The check-in page's slice after a scan or an override (MEM-3): `scanned` is what it read and wrote (the member,
 * their fees, their visits of today with the one recorded), so the lists follow it without reading the day again.
 * A member shown by an earlier scan and named by no list (no visit today) leaves it: the page holds the day's
 * members and the one on screen, not everyone scanned this evening.
 */
export function followScan(view: DeskSlice, scanned: DeskSlice, now: number = Date.now()): DeskSlice {
  const merged = mergeSlices(view, scanned)
  const today = view.day ?? todayIn(view, now)
  const visitedToday = new Set(merged.checkIns.filter((c) => todayIn(merged, c.record.at) === today).map((c) => c.record.memberId))
  const before = new Set(view.members.map((m) => m.id))
  const scannedIds = new Set(scanned.members.map((m) => m.id))
  const leaving = new Set((view.shownOnly ?? []).filter((id) => !scannedIds.has(id) && !visitedToday.has(id)))
  const wasShownOnly = new Set(view.shownOnly ?? [])
  const shownOnly = [...scannedIds].filter((id) => (!before.has(id) || wasShownOnly.has(id)) && !visitedToday.has(id))
  if (leaving.size === 0) return trimVisitors({ ...merged, shownOnly }, presentShown, now)
  return trimVisitors(
    {
      ...merged,
      shownOnly,
      members: merged.members.filter((m) => !leaving.has(m.id)),
      ledger: merged.ledger.filter((e) => !leaving.has(e.memberId)),
      blacklist: merged.blacklist.filter((b) => !leaving.has(b.memberId)),
    },
    presentShown,
    now,
  )
}

/** The check-in page's slice after a check-out (MEM-3): the check-out written joins it as it is. */
export const followCheckOut = (view: DeskSlice, checkOut: CheckOut): DeskSlice => ({
  ...view,
  // Once, even when a read of the day already brought it.
  checkOuts: [...view.checkOuts.filter((c) => c.checkInId !== checkOut.checkInId || c.at !== checkOut.at), checkOut],
})

/** Whether the check-in page's slice is still today's: after midnight it is read again, not followed. */
export const isToday = (view: DeskSlice, now: number): boolean => view.day === undefined || view.day === todayIn(view, now)
