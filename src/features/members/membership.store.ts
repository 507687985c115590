import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { maskName, maskPhone } from '@/core/access/masking'
import { expiringSoon } from '@/core/membership/expiring'
import { checkReason } from '@/core/membership/reasons'
import { duplicateCheckIns, whoIsIn } from '@/core/membership/visits'
import type { RefusalReason, Term } from '@/core/membership/types'
import { useLobbyStorage } from '@/identity/device-storage'
import { onLock, useSessionStore } from '@/identity/session.store'
import { PermissionError } from '@/identity/session'
import { afterNextPaint } from '@/platform/after-paint'
import { useStoragePersistence } from '@/platform/storage-persistence'
import { inForeground } from '@/storage/foreground'
import { signedCardText } from './card-signing'
import { checkOut, overrideAtDesk, scanAtDesk, type CheckInOutcome } from './checkin-actions'
import { createDeskQuiet } from './desk-quiet'
import { createDeskReindex } from './desk-reindex'
import { deskSettings, followCheckOut, followScan, isToday, loadDeskDay, loadDeskSlice, mergeSlices, presentShown, shownPresent, type DeskSlice } from './desk-slice'
import { todayIn, type DeskSnapshot, type DeskView } from './desk-snapshot'
import * as actions from './membership-actions'
import { loadMemberFocus, type MemberFocus, type MemberFocusView } from './member-focus'
import { memberRowsOf, type MemberRow, type RowMemo } from './member-row'

export type { MemberRow }

/**
 * The membership desk: enrolment, fees, cards and check-in (MEM-*). The check-in page reads a slice of
 * the desk realm (`view`: the last days' visits, the members they name and those ending soon, plus each
 * member scanned); the members pages read the whole realm (`snapshot`), only when they open. Holds masked
 * names of members only, and forgets all of it when the app locks (CONF-7).
 */
export const useMembershipStore = defineStore('membership', () => {
  const storage = useLobbyStorage()
  /** What the member pages read: a member in focus with the capped tiers' members (member-focus.ts), or the realm before the list is folded. */
  const snapshot = shallowRef<DeskSnapshot | MemberFocusView>()
  let focus: MemberFocus = {}
  const view = shallowRef<DeskSlice>()
  const names = shallowRef(new Map<string, { name: string; phone: string }>())
  /** Rows of the members the last scan or override showed, from its own slice: its verdict does not wait for the lists. */
  const scannedRows = shallowRef(new Map<string, MemberRow>())
  const clock = { now: () => Date.now() }
  const reindex = createDeskReindex(storage, clock)

  // Issue 14: the member's phone pages follow what the scanner changes, a little later (phone-pages-queue.ts); the
  // queue's code loads the first time a check-in is written by someone who keeps members' pages.
  let phonePages: Promise<{ touch(memberId: string): void; clear(): void }> | undefined
  function touchPhonePages(memberId: string) {
    if (!session.can('self.issue')) return
    phonePages ??= import('@/features/member-signins/phone-pages-queue').then((m) => m.createPhonePagesQueue({ storage: () => storage, session: () => session.session }))
    void phonePages.then((queue) => queue.touch(memberId))
  }
  onLock(() => void phonePages?.then((queue) => queue.clear()))

  onLock(() => {
    snapshot.value = undefined
    view.value = undefined
    names.value = new Map()
    scannedRows.value = new Map()
    rowMemo = new WeakMap()
    quiet.leave()
    reindex.stop()
  })

  const session = useSessionStore()
  function allowed() {
    if (!session.can('desk.use')) throw new PermissionError('desk.use')
  }

  // One read at a time: the page opening, a sync round ending and a scan often ask together.
  let inflight: Promise<DeskSnapshot | MemberFocusView> | undefined
  let inflightFocus = ''
  /** A member's pages: that member (or a person's memberships) and what the rules count across members (never on a scan). */
  async function refresh(next?: MemberFocus): Promise<DeskSnapshot | MemberFocusView> {
    if (next) focus = next
    const key = JSON.stringify(focus)
    // A read of another focus in flight: wait for it, then read this one.
    if (inflight && inflightFocus !== key) await inflight.catch(() => undefined)
    if (!inflight) {
      inflightFocus = key
      inflight = load(focus).finally(() => (inflight = undefined))
    }
    return inflight
  }
  let inflightDay: Promise<DeskSlice> | undefined
  // The count of desk records other devices had brought in when the day was last read.
  let arrivalsSeen = -1
  function refreshDay(read: 'whole' | 'today' = 'whole'): Promise<DeskSlice> {
    inflightDay ??= loadDay(read).finally(() => (inflightDay = undefined))
    return inflightDay
  }
  // The day's lists are read in the desk's quiet moments (desk-quiet.ts); leaving the page cancels what is waiting.
  const quiet = createDeskQuiet(() => void (inflightDay ?? Promise.resolve()).catch(() => undefined).then(() => refreshDay('whole')).catch(() => undefined), clock)
  const namesPerStep = 8
  /**
   * The check-in page's slice: the last days' visits and the members they name, and memberships ending soon.
   * Called when the page opens and after each sync round (`afterSync`: read only when the round brought other
   * devices' desk records, which may include records of an older app version without slice indexes: a re-index
   * run looks for them in the background).
   */
  function refreshDesk(options: { afterSync?: boolean } = {}): Promise<DeskSlice> {
    // After a sync round: the lists already follow this desk's own writes; only other devices' records (or a new day) need a read.
    const arrived = storage.deskArrivals.count()
    if (options.afterSync && view.value && arrived === arrivalsSeen && isToday(view.value, clock.now())) return Promise.resolve(view.value)
    arrivalsSeen = arrived
    // Opening the page: today's visitors first, the rest soon after. After a sync round: the whole day at once.
    // After a round, a read of the day already running may have started before these records arrived (it would then
    // miss them, and the next rounds, seeing no new arrivals, would not read again): this one starts after it.
    const day = options.afterSync ? (inflightDay ?? Promise.resolve()).catch(() => undefined).then(() => refreshDay('whole')) : refreshDay('today')
    if (!options.afterSync) quiet.readWholeDaySoon()
    // Records of an older app version, without slice indexes, may have come: a re-index run after the day's read (desk-reindex.ts).
    void reindex.ifOwed(day)
    return day
  }
  /** After a write: reads that start after it (of whatever is shown), so they see what was written. */
  async function refreshAfterWrite(): Promise<void> {
    await Promise.all([inflight?.catch(() => undefined), inflightDay?.catch(() => undefined)])
    await Promise.all([snapshot.value ? refresh() : undefined, view.value ? refreshDay() : undefined])
  }

  async function load(of: MemberFocus): Promise<DeskSnapshot | MemberFocusView> {
    allowed()
    const base = await deskSettings(storage)
    void reindex.ifOwed(Promise.resolve())
    const next = await loadMemberFocus(storage, base, clock.now(), of)
    // Members, and the people waiting for a place (MEM-4): the lists show their masked names.
    await learnNames([...next.members.map((m) => m.record.personId), ...next.waitlist.filter((w) => !w.record.closed).map((w) => w.record.personId)])
    snapshot.value = next
    return next
  }

  // What the desk did while the day was being read (scans, check-outs): applied to the read when it lands, which
  // may have started before them.
  let followedDuringRead: ((v: DeskSlice) => DeskSlice)[] | undefined
  async function loadDay(whole: 'whole' | 'today'): Promise<DeskSlice> {
    allowed()
    followedDuringRead = []
    try {
      const base = await deskSettings(storage)
      const read = await loadDeskDay(storage, base, clock.now(), whole, quiet.yieldToDesk)
      // The names of hundreds of members ending soon: a few at a time, the desk going first.
      const people = read.members.map((m) => m.record.personId)
      for (let i = 0; i < people.length; i += namesPerStep) {
        if (i > 0) await quiet.yieldToDesk()
        await learnNames(people.slice(i, i + namesPerStep))
      }
      const next = followedDuringRead.reduce((v, follow) => follow(v), read)
      view.value = next
      return next
    } finally {
      followedDuringRead = undefined
    }
  }

  /** The check-in page's lists follow what the desk just did (MEM-3), without reading the day again. */
  function follow(step: (v: DeskSlice) => DeskSlice) {
    followedDuringRead?.push(step)
    if (view.value) view.value = step(view.value)
    // Past midnight the lists are another day's: read it.
    if (view.value && !isToday(view.value, clock.now())) void refreshDay().catch(() => undefined)
  }

  /** Masked names of these people (CONF-4), each directory record opened once while someone shown needs it. */
  async function learnNames(personIds: string[]) {
    const learnt = new Map<string, { name: string; phone: string }>()
    for (const personId of new Set(personIds)) {
      if (names.value.has(personId)) continue
      const person = await storage.people.get(personId)
      learnt.set(personId, { name: maskName(person?.name ?? ''), phone: maskPhone(person?.phone ?? '') })
    }
    // Taken from the names as they are now, not as they were before the reads: a scan learns its member's name while
    // the day's read learns hundreds, and neither loses the other's.
    const known = forgetUnshownNames(new Map(names.value), personIds)
    for (const [personId, name] of learnt) known.set(personId, name)
    names.value = known
  }

  // Names kept beyond those shown before the unshown are let go: a desk scanning all evening keeps a flat heap,
  // without working out who is shown at every scan.
  const namesSlack = 200
  function forgetUnshownNames(known: Map<string, { name: string; phone: string }>, wanted: string[]) {
    const shown = new Set(wanted)
    for (const m of [...(view.value?.members ?? []), ...(snapshot.value?.members ?? [])]) shown.add(m.record.personId)
    for (const w of snapshot.value?.waitlist ?? []) shown.add(w.record.personId)
    if (known.size <= shown.size + namesSlack) return known
    for (const personId of known.keys()) if (!shown.has(personId)) known.delete(personId)
    return known
  }

  /** A scanned member joins the check-in page's slice (the verdict shows them), with what the scan wrote. */
  async function show(slice: DeskSlice) {
    await learnNames(slice.members.map((m) => m.record.personId))
    if (!view.value && !followedDuringRead) view.value = slice
    else follow((v) => followScan(v, slice, clock.now()))
  }

  /**
   * The verdict's member from the scan's own slice at once; the page's lists take the slice once the verdict is
   * painted. A few years in they are hundreds of rows worked out again, and a scan's answer never waits on them.
   */
  async function showVerdictFirst(slice: DeskSlice) {
    await learnNames(slice.members.map((m) => m.record.personId))
    scannedRows.value = new Map(rowsOf(slice).map((r) => [r.id, r]))
    afterNextPaint(() => void show(slice).catch(() => undefined))
  }

  async function scanContext() {
    return { storage, now: clock.now(), userId: session.session!.userId, deviceId: (await storage.deviceIdentity()).deviceId }
  }

  async function context() {
    const s = snapshot.value ?? (await refresh())
    return { storage, snapshot: s, now: clock.now(), userId: session.session!.userId, deviceId: (await storage.deviceIdentity()).deviceId }
  }

  // Rows already worked out, per member record: a scan adds one member to the page's view, not a whole new list of rows.
  let rowMemo: RowMemo = new WeakMap()
  function rowsOf(s: DeskView | undefined): MemberRow[] {
    if (!s) return []
    const known = names.value
    return memberRowsOf(s, (personId) => known.get(personId), clock.now(), rowMemo)
  }
  /** Every member (the members pages, once the realm is read). */
  const rows = computed(() => rowsOf(snapshot.value))
  /** The members of the check-in page's slice. */
  const viewRows = computed(() => rowsOf(view.value))

  const viewRowById = computed(() => new Map(viewRows.value.map((r) => [r.id, r])))
  const rowById = computed(() => new Map(rows.value.map((r) => [r.id, r])))
  // The scan's own rows last: the page's rows follow every write, a scan's are as it read them (a member page opened
  // later must not show the state a scan saw before a blacklisting was lifted).
  const rowOf = (memberId: string | undefined) =>
    memberId === undefined ? undefined : (viewRowById.value.get(memberId) ?? rowById.value.get(memberId) ?? scannedRows.value.get(memberId))
  /** The masked name of a member's or a waiting person's directory record (CONF-4). */
  const nameOf = (personId: string) => names.value.get(personId)?.name ?? ''

  /** MEM-3: who is in now (checked in today, not checked out), newest first. */
  const present = computed(() => {
    const s = view.value
    if (!s) return []
    const today = todayIn(s, clock.now())
    return whoIsIn(s.checkIns, s.checkOuts)
      // The visit's own day when it has one (no time-zone formatting per visit at every scan).
      .filter((c) => (c.record.day ?? todayIn(s, c.record.at)) === today)
      .sort((a, b) => b.record.at - a.record.at)
      .map((c) => ({ checkInId: c.id, at: c.record.at, override: !!c.record.override, member: rowOf(c.record.memberId) }))
  })

  /** MEM-7: active memberships ending within the configured days, soonest first. */
  // From the rows (worked out again only for a member whose records changed): the page's view holds every member
  // ending soon, hundreds or thousands a few years in, and working out each one's state at every scan was most of a scan.
  const endingSoon = computed(() => {
    const s = view.value
    if (!s) return []
    const items = viewRows.value.map((row) => ({ memberId: row.id, state: row, row }))
    return expiringSoon(items, todayIn(s, clock.now()), s.settings.expiringWithinDays).map((i) => i.row)
  })

  /** ARCHITECTURE "Sync": the same card checked in on two offline tablets, flagged for review after sync. */
  const duplicates = computed(() => {
    const s = view.value
    if (!s) return []
    return duplicateCheckIns(s.checkIns, s.checkOuts)
      .filter((d) => d.ids.some((id) => !s.reviewed.has(id)))
      .map((d) => ({ ...d, member: rowOf(d.memberId) }))
  })

  /** The desk has looked at a flagged duplicate: it leaves the list (and the audit log says who). */
  async function reviewDuplicate(checkInIds: string[]): Promise<void> {
    allowed()
    const by = session.session!.userId
    await storage.desk.reviews.put({ checkInIds, at: Date.now(), by })
    await storage.audit.append({ action: 'checkin.duplicate', by, recordId: checkInIds[0], recordType: 'checkin', detail: `${checkInIds.length} check-ins` })
    await refreshAfterWrite()
  }

  /** MEM-3: scan or typed text → decision; an admit is recorded at once. Reads a slice, never the realm. */
  async function checkIn(text: string): Promise<CheckInOutcome> {
    allowed()
    // Foreground: a sync running meanwhile writes its next page after the verdict, not between the scan's reads.
    const scan = inForeground(async () => {
      // The member's name is read while their check-in is written.
      const meanwhile = (read: DeskSlice) => learnNames(read.members.map((m) => m.record.personId))
      const { slice, ...outcome } = await scanAtDesk({ ...(await scanContext()), meanwhile }, text)
      await showVerdictFirst(slice)
      return outcome
    })
    quiet.scanStarted(scan)
    const outcome = await scan
    if (outcome.checkInId) void useStoragePersistence().requestPersistence()
    if (outcome.checkInId && outcome.memberId) touchPhonePages(outcome.memberId)
    return outcome
  }

  /** MEM-3: staff admit over a refusal, with a reason (audited). */
  async function override(memberId: string, refusal: RefusalReason, reason: string): Promise<string | undefined> {
    allowed()
    if (checkReason(reason)) return undefined
    const { checkInId, slice } = await overrideAtDesk(await scanContext(), memberId, { refusal, reason: reason.trim() })
    await showVerdictFirst(slice)
    if (checkInId) touchPhonePages(memberId)
    return checkInId
  }

  async function leave(checkInId: string, memberId: string): Promise<void> {
    allowed()
    const written = await checkOut({ ...(await scanContext()), snapshot: await deskSettings(storage) }, checkInId, memberId)
    touchPhonePages(memberId)
    follow((v) => followCheckOut(v, written))
    await readListedVisitors()
  }

  /** A check-out brings an earlier visitor into the listed newest (trimVisitors let their records go): read them. */
  async function readListedVisitors() {
    const v = view.value
    if (!v) return
    const held = new Set(v.members.map((m) => m.id))
    const missing = shownPresent(v, presentShown, clock.now()).filter((id) => !held.has(id))
    if (!missing.length) return
    const slice = await loadDeskSlice(storage, await deskSettings(storage), clock.now(), { memberIds: missing })
    await learnNames(slice.members.map((m) => m.record.personId))
    follow((current) => mergeSlices(current, slice))
  }

  /** An action on a member or person: read what the rules need around them, act, then read again. */
  async function run<T>(on: MemberFocus, work: (ctx: Awaited<ReturnType<typeof context>>) => Promise<T>): Promise<T> {
    allowed()
    await refresh(on)
    const result = await work(await context())
    void useStoragePersistence().requestPersistence()
    await refreshAfterWrite()
    return result
  }

  return {
    snapshot, view, rows, present, endingSoon, duplicates, clock,
    refresh, refreshDesk, leaveDesk: quiet.leave, rowOf, nameOf, checkIn, override, leave, reviewDuplicate,
    quote: async (memberId: string | undefined, tierId: string, term: Term) => actions.quoteFee(await context(), memberId, tierId, term),
    enrol: (input: Parameters<typeof actions.enrol>[1]) => run({ personId: input.personId }, (ctx) => actions.enrol(ctx, input)),
    pay: (input: Parameters<typeof actions.pay>[1]) => run({ memberId: input.memberId }, (ctx) => actions.pay(ctx, input)),
    returnDeposit: (input: Parameters<typeof actions.returnDeposit>[1]) => run({ memberId: input.memberId }, (ctx) => actions.returnDeposit(ctx, input)),
    joinWaitlist: (personId: string, tierId: string) => run({ personId }, (ctx) => actions.joinWaitlist(ctx, personId, tierId)),
    withdrawFromWaitlist: (personId: string, tierId: string) => run({ personId }, (ctx) => actions.withdrawFromWaitlist(ctx, personId, tierId)),
    reissueCard: (memberId: string) => run({ memberId }, (ctx) => actions.reissueCard(ctx, memberId)),
    /** MEM-8: the signed text of a member's card QR (undefined while the organisation has no card key). */
    cardText: (memberId: string, serial: number) => {
      allowed()
      return signedCardText(storage, memberId, serial)
    },
    setSuspended: (memberId: string, reason: string | undefined) => run({ memberId }, (ctx) => actions.setSuspended(ctx, memberId, reason)),
    setBlacklisted: (memberId: string, action: 'add' | 'lift', reason: string) => {
      if (!session.can('members.blacklist')) throw new PermissionError('members.blacklist')
      return run({ memberId }, (ctx) => actions.setBlacklisted(ctx, memberId, action, reason))
    },
    logService: (input: Parameters<typeof actions.logService>[1]) => run({ memberId: input.memberId }, (ctx) => actions.logService(ctx, input)),
  }
})
