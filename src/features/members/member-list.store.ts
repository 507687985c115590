import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { canonicalMemberNo, looksLikeMemberNo } from '@/core/membership/member-number'
import { holdersOf, tiersToFollow, type MemberListRow } from '@/core/membership/member-list'
import { serviceShortfall } from '@/core/membership/service-hours'
import { countActive, overCapsOn, waitlistInOrder, type OverCap } from '@/core/membership/vip-cap'
import type { MembershipSettings, WaitlistEntry } from '@/core/membership/types'
import { addDaysTo } from '@/core/shared/local-date'
import { maskName } from '@/core/access/masking'
import { latestRead } from '@/composables/latest-read'
import { useLobbyStorage } from '@/identity/device-storage'
import { onLock, useSessionStore } from '@/identity/session.store'
import { PermissionError } from '@/identity/session'
import { deskSettings, type DeskSlice } from './desk-slice'
import { stateOf, todayIn } from './desk-snapshot'
import { buildMemberList, catchUp, memberListPage, memberListReady, memberListRows, memberListSummary, type BuildProgress } from './member-list'
import { memberRowOf, type MemberRow } from './member-row'

type Base = { settings: MembershipSettings; settingsSaved: boolean }

/** More changed records than this since the last fold: the list is built again rather than caught up. */
const rebuildAbove = 2000

/** The list as shown: a page of rows, or the one-time build still running (with how far it got). */
export interface MemberListState {
  state: 'ready' | 'building'
  rows: MemberRow[]
  total: number
  progress?: BuildProgress
  /** A search's matches instead of the page (undefined: no search). */
  matches?: MemberRow[]
}

/** The members page's side panels (managers): all from the list's summary and the rows it names. */
export interface MemberListPanels {
  depositsHeld: number
  overCaps: (OverCap & { names: Map<string, MemberRow> })[]
  waitlists: { tierId: string; cap: number; taken: number; waiting: (WaitlistEntry & { who: string })[] }[]
  service: { member: MemberRow; logged: number; owed: number; shortfall: number }[]
  month: string
}

/** A view holding just these rows' records, for the desk's rules (`stateOf`, `overCapsOn`). */
function viewOf(base: Base, rows: { id: string; row: MemberListRow }[]): DeskSlice {
  return {
    scope: 'slice', ...base,
    members: rows.map((r) => ({ id: r.id, record: r.row.member })),
    ledger: rows.flatMap((r) => r.row.ledger),
    blacklist: rows.flatMap((r) => r.row.blacklist),
    checkIns: [], checkOuts: [], serviceLogs: [], waitlist: [], reviewed: new Set(),
  }
}

/**
 * The members list (MEM-*), read from this device's sealed projection (member-list.ts): opening it opens one
 * page of rows, searching opens the matches, the panels open the rows of capped and service tiers' members.
 * Forgets everything when the app locks (CONF-7), and stops a build in progress.
 */
export const useMemberListStore = defineStore('member-list', () => {
  const storage = useLobbyStorage()
  const session = useSessionStore()
  const list = shallowRef<MemberListState>()
  const panels = shallowRef<MemberListPanels>()
  const base = shallowRef<Base>()
  const clock = { now: () => Date.now() }
  let shown = 50
  // The page's first read and another after a write may overlap: the older never shows last (latest-read.ts).
  const listReads = latestRead()
  const panelReads = latestRead()
  let building: Promise<boolean> | undefined
  let stopBuild: AbortController | undefined

  onLock(() => {
    list.value = undefined
    panels.value = undefined
    base.value = undefined
    stopBuild?.abort()
    building = undefined
  })

  function allowed() {
    if (!session.can('desk.use')) throw new PermissionError('desk.use')
  }

  const toRows = (b: Base, rows: { id: string; row: MemberListRow }[]) => {
    const view = viewOf(b, rows)
    const now = clock.now()
    return rows.map((r) => memberRowOf(view, { id: r.id, record: r.row.member }, r.row, now))
  }

  /** The one-time build, in the background; the list opens itself when it ends. */
  function startBuild(b: Base) {
    if (building) return
    stopBuild = new AbortController()
    const signal = stopBuild.signal
    const run = buildMemberList(storage, b.settings, {
      signal,
      onProgress: (progress) => {
        if (!signal.aborted && list.value) list.value = { ...list.value, state: 'building', rows: [], total: progress.total, progress }
      },
    })
    building = run
    void run
      .then(async (done) => {
        if (!done || signal.aborted || list.value === undefined) return
        await open(shown)
        if (panels.value === undefined) await openPanels()
      })
      .catch(() => undefined)
      .finally(() => {
        if (building === run) building = undefined
      })
  }

  /** Opens the list: the first `limit` rows, newest enrolment first (after folding what changed since). */
  async function open(limit = 50): Promise<void> {
    allowed()
    const read = listReads.start()
    const b = await deskSettings(storage)
    base.value = b
    shown = limit
    // Many records written since (a first sync, a re-encryption after a key rotation): one build beats folding them one by one.
    if (!(await memberListReady(storage, b.settings)) || (await storage.memberList.changes.count()) > rebuildAbove) {
      list.value ??= { state: 'building', rows: [], total: 0 }
      return startBuild(b)
    }
    await catchUp(storage, b.settings)
    const page = await memberListPage(storage, 0, limit)
    if (!listReads.mayShow(read)) return
    list.value = { state: 'ready', rows: toRows(b, page.rows), total: page.total, matches: list.value?.matches }
  }

  /** The next rows of the list. */
  const more = (count = 50) => open(shown + count)

  /** A member number, or a phone / ID number (through the directory's blind index); the matches' rows. */
  async function search(query: string): Promise<MemberRow[]> {
    allowed()
    const b = base.value ?? (await deskSettings(storage))
    const q = query.trim()
    let ids: string[]
    if (looksLikeMemberNo(q)) ids = (await storage.desk.members.findByMemberNo(canonicalMemberNo(q))).map((m) => m.id)
    else {
      const people = [...(await storage.people.findBy('phone', q)), ...(await storage.people.findBy('idNumber', q))]
      ids = (await Promise.all(people.map((p) => storage.desk.members.ofPerson(p.id)))).flat().map((m) => m.id)
    }
    const matches = toRows(b, await memberListRows(storage, ids))
    list.value = list.value ? { ...list.value, matches } : { state: 'building', rows: [], total: 0, matches }
    return matches
  }

  const clearSearch = () => {
    if (list.value) list.value = { ...list.value, matches: undefined }
  }

  /** MEM-4/5/6 for managers: over-caps, waiting lists, this month's service hours, deposits held. */
  async function openPanels(): Promise<void> {
    allowed()
    const read = panelReads.start()
    const b = base.value ?? (await deskSettings(storage))
    const summary = await memberListSummary(storage)
    if (!summary) return
    const now = clock.now()
    const today = todayIn(b, now)
    const month = today.slice(0, 7)
    const holders = await memberListRows(storage, holdersOf(summary, tiersToFollow(b.settings)))
    const view = viewOf(b, holders)
    const rows = new Map(toRows(b, holders).map((r) => [r.id, r]))
    const states = holders.map((h) => stateOf(view, h.id, now))
    const waiting = (await storage.desk.waitlist.list()).map((w) => w.record)
    const names = new Map<string, string>()
    for (const personId of new Set(waiting.filter((w) => !w.closed).map((w) => w.personId))) names.set(personId, maskName((await storage.people.get(personId))?.name ?? ''))
    const days = Array.from({ length: 31 }, (_, i) => addDaysTo(`${month}-01`, i)).filter((d) => d.startsWith(month))
    const logs = (await Promise.all(days.map((d) => storage.desk.serviceLogs.onDay(d)))).flat().map((s) => s.record)
    if (!panelReads.mayShow(read)) return
    panels.value = {
      month,
      depositsHeld: summary.depositsHeld,
      overCaps: overCapsOn(view.ledger, today, b.settings).map((o) => ({ ...o, names: rows })),
      waitlists: b.settings.tiers
        .filter((t) => t.cap !== undefined)
        .map((t) => ({ tierId: t.id, cap: t.cap ?? 0, taken: countActive(t.id, states), waiting: waitlistInOrder(waiting, t.id).map((w) => ({ ...w, who: names.get(w.personId) ?? '' })) })),
      service: [...rows.values()]
        .filter((m) => m.status === 'active')
        .map((m) => ({ m, owed: b.settings.tiers.find((t) => t.id === m.tierId)?.serviceHoursPerMonth ?? 0 }))
        .filter(({ owed }) => owed > 0)
        .map(({ m, owed }) => ({ member: m, ...serviceShortfall(logs, m.id, month, owed) }))
        .sort((a, b2) => b2.shortfall - a.shortfall || a.member.memberNo.localeCompare(b2.member.memberNo)),
    }
  }

  /** The page is left: its rows and panels go (the next visit reads them afresh; a build in progress goes on). */
  function close() {
    list.value = undefined
    panels.value = undefined
  }

  return { list, panels, base, clock, open, more, search, clearSearch, openPanels, close }
})
