import { maskName, maskPhone } from '@/core/access/masking'
import { memberListOrder, summaryCovers, summaryOf, tiersToFollow, withRowChange, emptySummary, type MemberListRow, type MemberListSummary } from '@/core/membership/member-list'
import type { BlacklistEvent, LedgerEntry, Member, MembershipSettings } from '@/core/membership/types'
import type { LobbyStorage } from '@/storage/lobby-storage'

/**
 * The members list read from this device's sealed projection (storage/member-list.store.ts), never from the
 * whole realm: a page opens its 50 rows. The rows are folded here, from the records a row is made of, by the
 * full build (once per device, or after the tiers the summary follows changed) and by `catchUp`, which folds
 * only the members whose records were written since (this device's writes and each sync round's).
 */
type Storage = Pick<LobbyStorage, 'desk' | 'people' | 'memberList'>

export interface BuildProgress {
  done: number
  total: number
}

// Folding reads and rewrites the rows and the summary: one fold at a time per device store, whoever asks
// (the list page, a member's page, a build).
const folds = new WeakMap<object, Promise<unknown>>()
function oneFoldAtATime<T>(storage: Storage, work: () => Promise<T>): Promise<T> {
  const before = folds.get(storage.memberList) ?? Promise.resolve()
  const run = before.then(work, work)
  folds.set(storage.memberList, run.catch(() => undefined))
  return run
}

const rowOf = (member: Member, ledger: LedgerEntry[], blacklist: BlacklistEvent[], person: { name?: string; phone?: string } | undefined): MemberListRow => ({
  member,
  ledger: [...ledger].sort((a, b) => a.at - b.at),
  blacklist: [...blacklist].sort((a, b) => a.at - b.at),
  name: maskName(person?.name ?? ''),
  phone: maskPhone(person?.phone ?? ''),
})

/** One member's row from their own records (each read through the `parent` slice index). */
async function foldMember(storage: Storage, memberId: string): Promise<MemberListRow | undefined> {
  const member = await storage.desk.members.get(memberId)
  if (!member) return undefined
  const [ledger, blacklist, person] = await Promise.all([
    storage.desk.ledger.byParent(memberId),
    storage.desk.blacklist.byParent(memberId),
    storage.people.get(member.personId),
  ])
  return rowOf(member, ledger.map((s) => s.record), blacklist.map((s) => s.record), person)
}

/** Which members a changed record's row belongs to (ids are typed: `ledger:…`, `person:…`). */
async function membersNamedBy(storage: Storage, recordId: string): Promise<string[]> {
  const type = recordId.slice(0, recordId.indexOf(':'))
  if (type === 'member') return [recordId]
  if (type === 'ledger') return [(await storage.desk.ledger.get(recordId))?.memberId ?? []].flat()
  if (type === 'blacklist') return [(await storage.desk.blacklist.get(recordId))?.memberId ?? []].flat()
  if (type === 'person') return (await storage.desk.members.ofPerson(recordId)).map((m) => m.id)
  return []
}

/** Writes these members' rows afresh (or removes them) and keeps the summary in step. */
async function refold(storage: Storage, memberIds: Iterable<string>, settings: Pick<MembershipSettings, 'tiers'>): Promise<void> {
  const ids = [...new Set(memberIds)]
  if (ids.length === 0) return
  const list = storage.memberList.rows
  const [before, after, stored] = await Promise.all([list.getMany(ids), Promise.all(ids.map((id) => foldMember(storage, id))), list.summary()])
  let summary = stored ?? emptySummary(tiersToFollow(settings))
  const puts: { id: string; order: string; row: MemberListRow }[] = []
  for (const [i, id] of ids.entries()) {
    summary = withRowChange(summary, id, before[i], after[i])
    const row = after[i]
    if (row) puts.push({ id, order: memberListOrder(row.member), row })
    else await list.remove(id)
  }
  await list.putMany(puts)
  await list.setSummary(summary)
}

/**
 * Folds what changed since the rows were last folded, in batches. Fine at any time after the build; the list
 * calls it before each page, so a page shows what this device holds now.
 */
export function catchUp(storage: Storage, settings: Pick<MembershipSettings, 'tiers'>, batch = 200): Promise<number> {
  return oneFoldAtATime(storage, () => catchUpNow(storage, settings, batch))
}

async function catchUpNow(storage: Storage, settings: Pick<MembershipSettings, 'tiers'>, batch: number): Promise<number> {
  let folded = 0
  for (;;) {
    const marks = await storage.memberList.changes.take(batch)
    if (marks.length === 0) return folded
    const named = (await Promise.all(marks.map((m) => membersNamedBy(storage, m.id)))).flat()
    await refold(storage, named, settings)
    await storage.memberList.changes.done(marks)
    folded += marks.length
    if (marks.length < batch) return folded
  }
}

/**
 * The full build: every member's row from the realm, read once type by type (cheaper than member by member),
 * then the summary. Marks taken before it started are covered by it; writes during it leave marks for
 * `catchUp`. Once per device (and after the summary's tiers changed): a realm of years takes a while, so it
 * reports progress and stops at `signal` (a lock), to start again next time.
 */
export function buildMemberList(
  storage: Storage,
  settings: Pick<MembershipSettings, 'tiers'>,
  options: { signal?: AbortSignal; onProgress?: (p: BuildProgress) => void } = {},
): Promise<boolean> {
  return oneFoldAtATime(storage, () => buildNow(storage, settings, options))
}

async function buildNow(storage: Storage, settings: Pick<MembershipSettings, 'tiers'>, options: { signal?: AbortSignal; onProgress?: (p: BuildProgress) => void }): Promise<boolean> {
  await storage.memberList.changes.clear()
  const [members, ledger, blacklist] = await Promise.all([storage.desk.members.list(), storage.desk.ledger.list(), storage.desk.blacklist.list()])
  const feesBy = new Map<string, LedgerEntry[]>()
  for (const { record } of ledger) (feesBy.get(record.memberId) ?? feesBy.set(record.memberId, []).get(record.memberId)!).push(record)
  const blacklistBy = new Map<string, BlacklistEvent[]>()
  for (const { record } of blacklist) (blacklistBy.get(record.memberId) ?? blacklistBy.set(record.memberId, []).get(record.memberId)!).push(record)
  const list = storage.memberList.rows
  await list.clear()
  const built: { id: string; row: MemberListRow }[] = []
  const chunk = 250
  for (let i = 0; i < members.length; i += chunk) {
    if (options.signal?.aborted) return false
    const part = members.slice(i, i + chunk)
    const people = await Promise.all(part.map((m) => storage.people.get(m.record.personId)))
    const rows = part.map((m, j) => ({ id: m.id, row: rowOf(m.record, feesBy.get(m.id) ?? [], blacklistBy.get(m.id) ?? [], people[j]) }))
    await list.putMany(rows.map((r) => ({ ...r, order: memberListOrder(r.row.member) })))
    built.push(...rows)
    options.onProgress?.({ done: Math.min(i + chunk, members.length), total: members.length })
  }
  await list.setSummary(summaryOf(built, tiersToFollow(settings)))
  await list.markReady()
  return true
}

/** Whether the rows can be trusted: built on this device, with a summary following today's tiers. */
export async function memberListReady(storage: Storage, settings: Pick<MembershipSettings, 'tiers'>): Promise<boolean> {
  const list = storage.memberList.rows
  if (!(await list.ready())) return false
  const summary = await list.summary()
  return summary !== undefined && summaryCovers(summary, settings)
}

/** A page of the list, newest enrolment first. */
export const memberListPage = (storage: Storage, offset: number, limit: number) => storage.memberList.rows.page(offset, limit, true)

/** The rows of these members (a search's matches, the panels' tier holders); folded now when missing. */
export async function memberListRows(storage: Storage, memberIds: string[]): Promise<{ id: string; row: MemberListRow }[]> {
  const rows = await storage.memberList.rows.getMany(memberIds)
  const out: { id: string; row: MemberListRow }[] = []
  for (const [i, id] of memberIds.entries()) {
    const row = rows[i] ?? (await foldMember(storage, id))
    if (row) out.push({ id, row })
  }
  return out
}

export const memberListSummary = (storage: Storage): Promise<MemberListSummary | undefined> => storage.memberList.rows.summary()
