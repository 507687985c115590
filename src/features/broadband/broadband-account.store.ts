import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { maskName, maskPhone } from '@/core/access/masking'
import type { AccountStatus } from '@/core/broadband/account-status'
import { agreementState } from '@/core/broadband/status-fold'
import type { Agreement, Dispute, DuplicateReview, LedgerEntry, LedgerLine, Plan, StatusChange, StatusReason, Violation, WithId } from '@/core/broadband/types'
import { checkPerson, type Person } from '@/core/directory/person'
import { deskTimeZone } from '@/core/organisation/time-zone'
import { localDateOf } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'
import { useOrganisationStore } from '@/features/organisation-settings/organisation.store'
import { useLobbyStorage } from '@/identity/device-storage'
import { PermissionError } from '@/identity/session'
import { onLock, useSessionStore } from '@/identity/session.store'
import * as actions from './broadband-actions'
import * as cases from './broadband-case-actions'
import { createBroadbandRecords, type BroadbandRecords } from './broadband-records'
import { accountView, type AccountView } from './account-view'
import type { AgreementDraft } from './open-form'
import { statementNoticesOf } from './notice-actions'
import type { StatementNotice } from '@/core/broadband/statement-notices'
import type { YearMonth } from '@/core/shared/calendar-month'
import type { PaymentDraft } from './payment-form'

/** A row of the search: what identifies an account, the subscriber masked (CONF-4). */
export interface AccountRow {
  id: string
  accountNo: string
  accountName: string
  subscriber: string
  status: AccountStatus
}

/** A directory person as the subscriber picker shows them: masked. */
export interface PersonRow {
  id: string
  name: string
  phone: string
}

/** One account as the account page holds it: its agreement, its slice and what they fold to. */
export interface OpenAccount {
  id: string
  agreement: Agreement
  subscriber: string
  changes: WithId<StatusChange>[]
  lines: LedgerLine[]
  disputes: WithId<Dispute>[]
  reviews: DuplicateReview[]
  view: AccountView
  today: LocalDate
}

/**
 * The account side of the broadband desk (BB-1, BB-2, BB-3, BB-7, BB-10): search, open an account, one account's
 * page. Reads one account's slice (its ledger and status events, by parent index), never the realm's ledger, and
 * forgets all of it on lock (CONF-7).
 */
export const useBroadbandAccountStore = defineStore('broadband-account', () => {
  const storage = useLobbyStorage()
  const session = useSessionStore()
  const organisation = useOrganisationStore()
  let records: BroadbandRecords | undefined
  const clock = { now: () => Date.now() }
  const rows = shallowRef<AccountRow[]>([])
  const people = shallowRef<PersonRow[]>([])
  const account = shallowRef<OpenAccount>()
  const timeZone = shallowRef('Asia/Shanghai')
  const names = new Map<string, string>()

  onLock(() => {
    records = undefined
    rows.value = []
    people.value = []
    account.value = undefined
    names.clear()
  })

  // CONF-3 in the store too: the router is not the only way in.
  function allowed() {
    if (!session.can('broadband.use')) throw new PermissionError('broadband.use')
  }

  function context(): actions.BroadbandContext {
    allowed()
    records ??= createBroadbandRecords(storage.recordContext)
    return { records, audit: storage.audit, userId: session.session!.userId }
  }

  /** The organisation's today, in its time zone (the day a payment or a status change is dated). */
  async function today(): Promise<LocalDate> {
    const org = organisation.settings ?? (await storage.orgSettings.read()).settings
    timeZone.value = deskTimeZone(org.timeZone, undefined)
    return localDateOf(clock.now(), timeZone.value)
  }

  async function subscriberName(personId: string): Promise<string> {
    const person = await storage.people.get(personId).catch(() => undefined)
    return person ? maskName(person.name) : ''
  }

  async function row(a: WithId<Agreement>): Promise<AccountRow> {
    const ctx = context()
    const status = agreementState(await actions.statusChangesOf(ctx, a.id)).status
    return { id: a.id, accountNo: a.record.accountNo, accountName: a.record.accountName, subscriber: await subscriberName(a.record.subscriberId), status }
  }

  /** By account number (blind index), else the subscriber's phone, ID number or name (the directory's blind indexes). */
  async function find(query: string) {
    const ctx = context()
    const q = query.trim()
    if (!q) return (rows.value = [])
    const found = new Map<string, WithId<Agreement>>()
    for (const a of await actions.findAgreementsByAccountNo(ctx, q)) found.set(a.id, a)
    for (const person of await storage.people.search(q)) for (const a of await actions.agreementsOfSubscriber(ctx, person.id)) found.set(a.id, a)
    rows.value = await Promise.all([...found.values()].map(row))
    return rows.value
  }

  /** The directory people a query names (masked), to pick the subscriber from. */
  async function findPeople(query: string) {
    allowed()
    people.value = query.trim() ? (await storage.people.search(query)).map((p) => ({ id: p.id, name: maskName(p.record.name), phone: maskPhone(p.record.phone ?? '') })) : []
    return people.value
  }

  /** A new directory person for a subscriber (the directory's own checks); chosen at once. */
  async function addPerson(input: { name: string; phone: string; idNumber: string }) {
    allowed()
    const problems = checkPerson(input, await today())
    if (Object.keys(problems).length) return { ok: false as const, problems }
    const person: Person = { name: input.name.trim(), createdAt: new Date(clock.now()).toISOString() }
    if (input.phone.trim()) person.phone = input.phone.trim()
    if (input.idNumber.trim()) Object.assign(person, { idKind: 'cn-resident', idNumber: input.idNumber.trim().toUpperCase() })
    const id = await storage.people.put(person)
    return { ok: true as const, person: { id, name: maskName(person.name), phone: maskPhone(person.phone ?? '') } }
  }

  /** BB-1: opens the agreement (pending until service starts); an account number on a live agreement is refused on its field. */
  async function openAccount(draft: AgreementDraft): Promise<{ ok: true; id: string } | { ok: false; problems: { accountNo: 'account-no-taken' } }> {
    const ctx = context()
    try {
      const id = await actions.openAgreement(ctx, draft, { by: ctx.userId, at: clock.now() })
      return { ok: true, id }
    } catch (e) {
      if (e instanceof actions.AccountNoTaken) return { ok: false, problems: { accountNo: 'account-no-taken' } }
      throw e
    }
  }

  async function userName(userId: string): Promise<string> {
    if (!names.has(userId)) {
      const profile = await storage.staff.get(`staff:${userId}`).catch(() => undefined)
      names.set(userId, profile?.name ?? userId)
    }
    return names.get(userId)!
  }

  /** Who made each status change, by name (the history shows it). */
  async function namesOf(userIds: readonly string[]): Promise<Record<string, string>> {
    const out: Record<string, string> = {}
    for (const id of new Set(userIds)) out[id] = await userName(id)
    return out
  }

  /** Reads one account's slice and folds it (the page calls this on open and after every write). */
  async function load(id: string): Promise<OpenAccount | undefined> {
    const ctx = context()
    const agreement = await actions.getAgreement(ctx, id)
    if (!agreement) return (account.value = undefined)
    const [changes, lines, disputes, reviewed, day, subscriber] = await Promise.all([
      actions.statusChangesOf(ctx, id),
      actions.ledgerOf(ctx, id),
      cases.disputesOf(ctx, id),
      cases.duplicateReviewsOf(ctx, id),
      today(),
      subscriberName(agreement.subscriberId),
    ])
    // A month charged twice counts once: as a manager kept it, else the first (ledger-fold.ts countedLines).
    const reviews: DuplicateReview[] = reviewed.map((r) => r.record)
    account.value = { id, agreement, subscriber, changes, lines, disputes, reviews, today: day, view: accountView({ agreement, changes, lines, reviews, today: day }) }
    return account.value
  }

  function current(): OpenAccount {
    if (!account.value) throw new Error('no account open')
    return account.value
  }

  /** BB-2: a payment through an approved channel with its receipt number (the form has checked it: the action checks again). */
  async function pay(payment: PaymentDraft) {
    const ctx = context()
    const a = current()
    const entry: LedgerEntry = { accountId: a.id, kind: 'payment', amount: payment.amount, channel: payment.channel, receiptNo: payment.receiptNo, on: await today(), at: clock.now(), by: ctx.userId }
    await actions.takePayment(ctx, entry)
    return load(a.id)
  }

  /** BB-1, BB-4, BB-9, BB-12: a status change, refused unless the page's actions allow it now. */
  async function changeStatus(change: { to: AccountStatus; reason: StatusReason; on?: LocalDate; violation?: Violation; deadline?: LocalDate }) {
    const ctx = context()
    const a = current()
    const record: StatusChange = { accountId: a.id, to: change.to, reason: change.reason, on: change.on ?? (await today()), at: clock.now(), by: ctx.userId }
    if (change.violation) record.violation = change.violation
    if (change.deadline) record.deadline = change.deadline
    await actions.changeStatus(ctx, record)
    return load(a.id)
  }

  /** BB-1, BB-3: a new plan on this agreement (the page offers it only out of arrears). */
  async function changePlan(plan: Plan) {
    const ctx = context()
    const a = current()
    if (!a.view.actions.planChange.allowed) return { ok: false as const, refusal: a.view.actions.planChange }
    await actions.updateAgreement(ctx, a.id, { plan })
    await load(a.id)
    return { ok: true as const }
  }

  /**
   * BB-12: a transfer of ownership ends this agreement (reason transfer) and opens a new one for the new
   * subscriber, `transferredFrom` this one. The number is checked first, so a refusal ends nothing.
   */
  async function transfer(input: { subscriberId: string; accountNo: string; accountName: string }) {
    const ctx = context()
    const a = current()
    if (!a.view.actions.transfer.allowed) return { ok: false as const, refusal: a.view.actions.transfer }
    const day = await today()
    const { agent: _agent, transferredFrom: _from, createdAt: _at, createdBy: _by, ...kept } = a.agreement
    const at = clock.now()
    try {
      const termination = { accountId: a.id, to: 'terminated' as const, reason: 'transfer' as const, on: day, at, by: ctx.userId }
      const id = await actions.transferAgreement(ctx, termination, { ...kept, subscriberId: input.subscriberId, accountNo: input.accountNo, accountName: input.accountName, transferredFrom: a.id }, { by: ctx.userId, at })
      return { ok: true as const, id }
    } catch (e) {
      if (e instanceof actions.AccountNoTaken) return { ok: false as const, problems: { accountNo: 'account-no-taken' as const } }
      throw e
    }
  }

  /** Posts ledger entries on this account (a back-charge, a late fee, a dispute's credit) in one write. */
  async function post(entries: LedgerEntry[]) {
    await actions.postEntries(context(), entries)
    return load(current().id)
  }

  /** BB-8, BB-13: the notices the open account's statement for `month` carries (that month's notices only). */
  async function statementNotices(month: YearMonth, statementDate: LocalDate): Promise<StatementNotice[]> {
    const a = current()
    return statementNoticesOf(context(), a.id, month, statementDate, a.view.state.terminatedOn)
  }

  /** BB-7: a dispute of one charge, within its window (the page offers only those dispute-options.ts opens). */
  async function raiseDispute(entryId: string, reason: string) {
    const ctx = context()
    const a = current()
    await cases.raiseDispute(ctx, { accountId: a.id, entryId, reason: reason.trim(), raisedOn: await today(), raisedBy: ctx.userId })
    return load(a.id)
  }

  /** BB-7: upheld gives a credit of the disputed amount (posted first, so the dispute names it); rejected gives none. */
  async function resolveDispute(disputeId: string, status: 'upheld' | 'rejected', resolution: string) {
    const ctx = context()
    const a = current()
    const dispute = a.disputes.find((d) => d.id === disputeId)
    const disputed = dispute && a.lines.find((l) => l.id === dispute.record.entryId)
    if (!dispute || !disputed) throw new Error(`no dispute ${disputeId} on this account`)
    let creditEntryId: string | undefined
    if (status === 'upheld') {
      const credit: LedgerEntry = { accountId: a.id, kind: 'credit', amount: disputed.record.amount, on: await today(), at: clock.now(), by: ctx.userId, detail: { kind: 'dispute', disputeId } }
      if (disputed.record.month) credit.month = disputed.record.month
      ;[creditEntryId] = await actions.postEntries(ctx, [credit])
    }
    await cases.resolveDispute(ctx, disputeId, { status, resolution: resolution.trim(), resolvedBy: ctx.userId, ...(creditEntryId ? { creditEntryId } : {}) })
    return load(a.id)
  }

  return { statementNotices, raiseDispute, resolveDispute, rows, people, account, timeZone, clock, find, findPeople, addPerson, openAccount, load, pay, changeStatus, changePlan, transfer, post, namesOf, today, context }
})
