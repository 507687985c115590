import { defineStore } from 'pinia'
import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import type { SelfBroadbandAccount, SelfBroadbandMonth, SelfMembership, SelfNotice, SelfProfile, SelfStatementLine, SelfVisits } from '@/core/self-service/schemas'
import { fallbackTimeZone } from '@/core/organisation/time-zone'
import { localDateOf } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'
import { latestRead } from '@/composables/latest-read'
import { checkCard, type CardCheck } from './card-check'
import { dueNow, newestFirst } from './due-now'
import { lineDispute, type LineDispute } from './line-dispute'
import { noticeStanding, type NoticeStanding } from './notice-standing'
import { useSelfViews, type DisputeProblem, type ObjectionProblem } from './self-views'

export type LoadState = 'idle' | 'loading' | 'ready' | 'failed'
const key = (accountId: string, id: string) => `${accountId}\n${id}`

/**
 * Issue 14: the member's own screens. Reads the views staff devices wrote into the member's database (through
 * the injected `SelfViews`), re-reads them when sync brings new ones, checks each stored card before it may
 * be drawn (MEM-8), and sends the member's two requests: a dispute (BB-7) and an objection (BB-13).
 * Forgets everything when the member signs out (`reset`, CONF-7): the member app calls it, so the store needs no
 * staff session to know of.
 */
export const useSelfServiceStore = defineStore('self-service', () => {
  const views = useSelfViews()
  const clock = { now: () => Date.now() }
  /** The organisation's zone, for "today" (the pages keep it to the organisation store's). */
  const timeZone = ref(fallbackTimeZone)
  const state = ref<LoadState>('idle')
  const profile = shallowRef<SelfProfile>()
  const memberships = shallowRef<SelfMembership[]>([])
  const cards = shallowRef<Record<string, CardCheck>>({})
  const visits = shallowRef<SelfVisits[]>([])
  const accounts = shallowRef<SelfBroadbandAccount[]>([])
  const latest = shallowRef<Record<string, SelfBroadbandMonth | undefined>>({})
  /** The statement a page has open (`statementFor` names it), re-read with the rest. */
  const statement = shallowRef<SelfBroadbandMonth>()
  const statementFor = shallowRef<{ accountId: string; month: string }>()
  const statementState = ref<LoadState>('idle')
  // Requests sent from this phone that no staff device has folded into the views yet.
  const sentDisputes = shallowRef(new Set<string>())
  const sentObjections = shallowRef(new Set<string>())
  const reads = latestRead()

  async function read(): Promise<void> {
    const ticket = reads.start()
    if (state.value !== 'ready') state.value = 'loading'
    try {
      const [orgId, p, m, v, a] = await Promise.all([views.orgId(), views.profile(), views.memberships(), views.visits(), views.accounts()])
      const checks = await Promise.all(m.map(async (x) => [x.memberId, await checkCard(x, orgId)] as const))
      const months = await Promise.all(a.map(async (x) => [x.accountId, x.months.length ? await views.month(x.accountId, newestFirst(x.months)[0]!) : undefined] as const))
      if (!reads.mayShow(ticket)) return
      profile.value = p
      memberships.value = m
      cards.value = Object.fromEntries(checks)
      visits.value = [...v].sort((x, y) => y.year.localeCompare(x.year)).map((year) => ({ ...year, visits: [...year.visits].sort((x, y) => y.at - x.at) }))
      accounts.value = a
      latest.value = Object.fromEntries(months)
      state.value = 'ready'
    } catch (e) {
      console.warn('self-service views not read', e)
      if (reads.mayShow(ticket)) state.value = 'failed'
    }
  }

  async function readStatement(): Promise<void> {
    const wanted = statementFor.value
    if (!wanted) return
    try {
      const found = await views.month(wanted.accountId, wanted.month)
      if (statementFor.value !== wanted) return
      statement.value = found
      statementState.value = 'ready'
    } catch (e) {
      console.warn('self-service statement not read', e)
      if (statementFor.value === wanted) statementState.value = 'failed'
    }
  }

  /** The first open reads the views; later ones show what is held (changes are followed, not polled). */
  async function open(): Promise<void> {
    if (state.value === 'idle' || state.value === 'failed') await read()
  }

  /** Reads everything again: after a change, or when the member asks. */
  const refresh = () => Promise.all([read(), readStatement()]).then(() => undefined)

  /** BB-2: one month's statement of one account, for its page. */
  async function openStatement(accountId: string, month: string): Promise<void> {
    const current = statementFor.value
    if (current?.accountId === accountId && current.month === month && statementState.value === 'ready') return
    statementFor.value = { accountId, month }
    statement.value = undefined
    statementState.value = 'loading'
    await Promise.all([open(), readStatement()])
  }

  // Sync brought new views: read again, unless nothing was read since the lock (the next open reads).
  const stop = views.onChange(() => {
    if (state.value !== 'idle') void refresh()
  })
  onScopeDispose(stop)

  /** Signed out: forget every view read (the next open reads again). */
  function reset(): void {
    reads.shownDirectly()
    state.value = 'idle'
    profile.value = undefined
    memberships.value = []
    cards.value = {}
    visits.value = []
    accounts.value = []
    latest.value = {}
    statement.value = undefined
    statementFor.value = undefined
    statementState.value = 'idle'
    sentDisputes.value = new Set()
    sentObjections.value = new Set()
  }

  /** The organisation's today (its zone, not the phone's). */
  const today = (): LocalDate => localDateOf(clock.now(), timeZone.value)
  const accountOf = (accountId: string) => accounts.value.find((a) => a.accountId === accountId)

  /** BB-7: whether `line` offers a dispute now, and if not, why. */
  function disputeOf(accountId: string, line: SelfStatementLine): LineDispute {
    return lineDispute(line, accountOf(accountId), sentDisputes.value.has(key(accountId, line.id)))
  }

  /** BB-13: where a notice stands for the member today. */
  function standingOf(accountId: string, notice: SelfNotice): NoticeStanding {
    return noticeStanding(notice, today(), sentObjections.value.has(key(accountId, notice.id)))
  }

  /** BB-7: disputes one line of the open statement; refused here first when the line offers no dispute. */
  async function dispute(input: { accountId: string; entryId: string; reason: string }): Promise<{ ok: true } | { ok: false; problem: DisputeProblem }> {
    const reason = input.reason.trim()
    if (!reason) return { ok: false, problem: 'reason-required' }
    const line = statement.value?.accountId === input.accountId ? statement.value.lines.find((l) => l.id === input.entryId) : undefined
    if (!line) return { ok: false, problem: 'unknown-line' }
    if (disputeOf(input.accountId, line).state !== 'open') return { ok: false, problem: 'not-open' }
    const answer = await views.raiseDispute({ accountId: input.accountId, entryId: input.entryId, reason })
    if (answer.ok) sentDisputes.value = new Set(sentDisputes.value).add(key(input.accountId, input.entryId))
    return answer
  }

  /** BB-13: objects to a change of terms before its effective day. */
  async function object(input: { accountId: string; noticeId: string; reason: string }): Promise<{ ok: true } | { ok: false; problem: ObjectionProblem }> {
    const reason = input.reason.trim()
    if (!reason) return { ok: false, problem: 'reason-required' }
    const notice = accountOf(input.accountId)?.notices.find((n) => n.id === input.noticeId)
    if (!notice || standingOf(input.accountId, notice).state !== 'open') return { ok: false, problem: 'not-open' }
    const answer = await views.objectToTerms({ accountId: input.accountId, noticeId: input.noticeId, reason })
    if (answer.ok) sentObjections.value = new Set(sentObjections.value).add(key(input.accountId, input.noticeId))
    return answer
  }

  /** The home page's "due now": each account's balance and latest statement. */
  const due = computed(() => dueNow(accounts.value, latest.value))

  return {
    clock,
    timeZone,
    state,
    profile,
    memberships,
    cards,
    visits,
    accounts,
    latest,
    statement,
    statementFor,
    statementState,
    open,
    refresh,
    reset,
    openStatement,
    today,
    due,
    disputeOf,
    standingOf,
    dispute,
    object,
  }
})
