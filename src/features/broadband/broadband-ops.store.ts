import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { Permission } from '@/core/access/permissions'
import type { Objection } from '@/core/broadband/types'
import { deskTimeZone } from '@/core/organisation/time-zone'
import { monthOf } from '@/core/shared/calendar-month'
import { localDateOf } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'
import { useOrganisationStore } from '@/features/organisation-settings/organisation.store'
import { useLobbyStorage } from '@/identity/device-storage'
import { PermissionError } from '@/identity/session'
import { onLock, useSessionStore } from '@/identity/session.store'
import type { BroadbandContext } from './broadband-actions'
import { createBroadbandRecords, type BroadbandRecords } from './broadband-records'
import { postBillRun, previewBillRun, type BillRunView, type RunClock } from './bill-run-actions'
import { duplicatesOn, keepCharge, type DuplicateRow } from './duplicate-actions'
import { checkNoticeDraft, type NoticeDraft, type NoticeField, type NoticeFieldProblem } from './notice-draft'
import { noticeRows, objectTo, postCheckedNotice, type NoticeRow, type ObjectionResult } from './notice-actions'
import { checkOutageDraft, instantOfLocal, type OutageDraft, type OutageField, type OutageFieldProblem } from './outage-draft'
import { endOutage, liveAccountsByNo, outageRows, postOutageCredits, type OutageRow, type OutageWriteResult } from './outage-actions'
import { saveOutage } from './broadband-case-actions'
import { confirmStep as confirmWorkStep, worklistOn, type ConfirmResult, type WorklistRow } from './worklist-actions'
import type { DunningLetterFacts } from './dunning-letter'

export type { BillRunView, DuplicateRow, NoticeRow, OutageRow, WorklistRow }

/** Why a write did not happen: a code the page shows in words, or the error's message as the last resort. */
type Written<T extends object = object> = ({ ok: true } & T) | { ok: false; reason: string }

const failure = (e: unknown): { ok: false; reason: string } => ({ ok: false, reason: e instanceof Error ? e.message : String(e) })

/**
 * The broadband desk's runs across accounts (issue 12 §3, BB-4, BB-6, BB-8, BB-9, BB-13): the bill run, the dunning
 * worklist, outages, notices, and months charged twice. Reads slices (agreements and status events, a month's
 * charges, each candidate's own ledger), never the realm's ledger as a whole, and forgets all of it on lock (CONF-7).
 */
export const useBroadbandOpsStore = defineStore('broadband-ops', () => {
  const storage = useLobbyStorage()
  const session = useSessionStore()
  const organisation = useOrganisationStore()
  let records: BroadbandRecords | undefined
  const clock = { now: () => Date.now() }
  const timeZone = shallowRef('Asia/Shanghai')
  const organisationName = shallowRef({ en: '', 'zh-CN': '' })
  const worklist = shallowRef<WorklistRow[]>([])
  const worklistRead = shallowRef(0)
  const outages = shallowRef<OutageRow[]>([])
  const notices = shallowRef<NoticeRow[]>([])
  const duplicates = shallowRef<DuplicateRow[]>([])

  onLock(() => {
    records = undefined
    worklist.value = []
    outages.value = []
    notices.value = []
    duplicates.value = []
  })

  // CONF-3 in the store too: the router is not the only way in.
  function allowed(permission: Permission = 'broadband.use') {
    if (!session.can(permission)) throw new PermissionError(permission)
  }

  async function context(permission?: Permission): Promise<{ ctx: BroadbandContext; clock: RunClock }> {
    allowed(permission)
    records ??= createBroadbandRecords(storage.recordContext)
    const org = organisation.settings ?? (await storage.orgSettings.read()).settings
    timeZone.value = deskTimeZone(org.timeZone, undefined)
    organisationName.value = { en: org.name.en, 'zh-CN': org.name['zh-CN'] }
    const now = clock.now()
    const userId = session.session!.userId
    return { ctx: { records, audit: storage.audit, userId }, clock: { today: localDateOf(now, timeZone.value), now, userId } }
  }

  const today = (): LocalDate => localDateOf(clock.now(), timeZone.value)
  const thisMonth = () => monthOf(today())

  // ——— Bill run ———

  async function previewRun(month: string): Promise<BillRunView | { problem: 'month-not-begun' }> {
    const { ctx, clock: c } = await context()
    return previewBillRun(ctx, month, c.today)
  }

  async function postRun(plan: BillRunView): Promise<Written<{ count: number }>> {
    try {
      const { ctx, clock: c } = await context()
      const posted = await postBillRun(ctx, plan, c, crypto.randomUUID())
      return { ok: true, count: posted.count }
    } catch (e) {
      return failure(e)
    }
  }

  // ——— Worklist (BB-4, BB-9) ———

  async function loadWorklist() {
    const { ctx, clock: c } = await context()
    const { rows, read } = await worklistOn(ctx, c.today)
    worklist.value = rows
    worklistRead.value = read
  }

  async function confirmStep(row: WorklistRow, options: { toDepartment: boolean; department?: string }): Promise<Written<{ letter?: Omit<DunningLetterFacts, 'organisation'> }>> {
    try {
      const { ctx, clock: c } = await context()
      const result: ConfirmResult = await confirmWorkStep(ctx, row, c, options)
      if (!result.ok) return result
      await loadWorklist()
      return result
    } catch (e) {
      return failure(e)
    }
  }

  // ——— Outages (BB-6) ———

  async function loadOutages() {
    const { ctx } = await context()
    outages.value = await outageRows(ctx, timeZone.value)
  }

  async function recordOutage(draft: OutageDraft): Promise<{ ok: true; count: number; id: string } | { ok: false; problems: Partial<Record<OutageField, OutageFieldProblem | 'unknown'>>; unknown?: string[] } | { ok: false; reason: string }> {
    try {
      const { ctx, clock: c } = await context()
      const checked = checkOutageDraft(draft, timeZone.value)
      if (!checked.ok) return checked
      const { ids, unknown } = await liveAccountsByNo(ctx, checked.accountNos)
      if (unknown.length) return { ok: false, problems: { accounts: 'unknown' }, unknown }
      const id = await saveOutage(ctx, {
        accountIds: ids,
        ...(draft.area.trim() ? { area: draft.area.trim() } : {}),
        start: checked.start,
        ...(checked.end === undefined ? {} : { end: checked.end }),
        cause: draft.cause.trim(),
        businessCaused: draft.businessCaused,
        promisedBy: checked.promisedBy,
        recordedAt: c.now,
        recordedBy: c.userId,
      })
      await loadOutages()
      return { ok: true, count: ids.length, id }
    } catch (e) {
      return failure(e)
    }
  }

  async function repaired(id: string, endValue: string): Promise<OutageWriteResult> {
    const { ctx } = await context()
    const end = instantOfLocal(endValue, timeZone.value)
    if (end === undefined) return { ok: false, problem: 'unknown' }
    const result = await endOutage(ctx, id, end)
    if (result.ok) await loadOutages()
    return result
  }

  async function postCredits(id: string): Promise<OutageWriteResult> {
    const { ctx, clock: c } = await context()
    const result = await postOutageCredits(ctx, id, timeZone.value, c)
    await loadOutages()
    return result
  }

  // ——— Notices (BB-8, BB-13) ———

  async function loadNotices() {
    const { ctx } = await context()
    notices.value = await noticeRows(ctx)
  }

  async function postNotice(draft: NoticeDraft): Promise<{ ok: true } | { ok: false; problems: Partial<Record<NoticeField, NoticeFieldProblem | { problem: 'unknown'; nos: string[] }>> } | { ok: false; reason: string }> {
    try {
      const { ctx, clock: c } = await context()
      const checked = checkNoticeDraft(draft, c.now, timeZone.value)
      if (!checked.ok) return checked
      const posted = await postCheckedNotice(ctx, checked.notice, checked.accountNos, c)
      if (!posted.ok) return { ok: false, problems: { accountNos: { problem: 'unknown', nos: posted.unknown } } }
      await loadNotices()
      return { ok: true }
    } catch (e) {
      return failure(e)
    }
  }

  async function recordObjection(noticeId: string, accountNo: string, outcome: Objection['outcome'], note: string): Promise<ObjectionResult | { ok: false; reason: string }> {
    try {
      const { ctx, clock: c } = await context()
      const result = await objectTo(ctx, noticeId, accountNo.trim(), outcome, note, c)
      if (result.ok) await loadNotices()
      return result
    } catch (e) {
      return failure(e)
    }
  }

  // ——— Months charged twice (a manager's) ———

  async function loadDuplicates() {
    const { ctx, clock: c } = await context('settings.manage')
    duplicates.value = await duplicatesOn(ctx, c.today)
  }

  async function keep(row: DuplicateRow, entryId: string): Promise<Written> {
    try {
      const { ctx, clock: c } = await context('settings.manage')
      await keepCharge(ctx, row, entryId, c)
      await loadDuplicates()
      return { ok: true }
    } catch (e) {
      return failure(e)
    }
  }

  return {
    timeZone,
    worklist,
    worklistRead,
    outages,
    notices,
    duplicates,
    today,
    thisMonth,
    previewBillRun: previewRun,
    postBillRun: postRun,
    loadWorklist,
    confirmStep,
    loadOutages,
    recordOutage,
    repaired,
    postCredits,
    loadNotices,
    postNotice,
    recordObjection,
    loadDuplicates,
    keep,
    organisationName,
  }
})
