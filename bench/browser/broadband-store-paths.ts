/**
 * The broadband bench's timed runs through the store's actions and the core rules, in the seed page: what the
 * bill-run and statement screens do beneath their rendering, timed before those screens exist (and, once they do,
 * where a screen's time goes). Audited writes on the device's own clock, as the app makes them.
 */
import { billRunPreview, chargeEntries, type BillableAccount } from '@/core/broadband/bill-run'
import { statementOf } from '@/core/broadband/statement'
import { agreementState } from '@/core/broadband/status-fold'
import type { StatusChange, WithId } from '@/core/broadband/types'
import { chargedAccountsOf, ledgerOf, listAgreements, postEntries, type BroadbandContext } from '@/features/broadband/broadband-actions'
import { createBroadbandRecords } from '@/features/broadband/broadband-records'
import type { RepoContext } from '@/storage/sealed-repo'
import type { PostBreakdown, StoreBillRun, StoreStatement } from './broadband-seed-types'

export interface StorePathsState {
  /** The agent's record context with its audit hooks (storage.withKeys(…).recordContext). */
  ctx: RepoContext
  /** The seed's context: the agent's keys, no audit, an in-memory clock (for the breakdown of a post's time). */
  bare: RepoContext
  audit: BroadbandContext['audit']
  agentId: string
  today: string
  historyAccountId: string
}

/** Every status event, by agreement: one read of the type (the bill run needs every agreement's status anyway). */
async function statusesByAccount(bb: BroadbandContext): Promise<Map<string, WithId<StatusChange>[]>> {
  const byAccount = new Map<string, WithId<StatusChange>[]>()
  for (const s of await bb.records.statusChanges.list()) {
    const list = byAccount.get(s.record.accountId) ?? byAccount.set(s.record.accountId, []).get(s.record.accountId)!
    list.push(s)
  }
  return byAccount
}

export function installStorePaths(state: StorePathsState) {
  const bb: BroadbandContext = { records: createBroadbandRecords(state.ctx), audit: state.audit, userId: state.agentId }

  async function preview(month: string) {
    const agreements = await listAgreements(bb)
    const statuses = await statusesByAccount(bb)
    const accounts: BillableAccount[] = agreements.map((a) => ({ accountId: a.id, monthlyFee: a.record.plan.monthlyFee, state: agreementState(statuses.get(a.id) ?? []) }))
    const plan = billRunPreview(accounts, await chargedAccountsOf(bb, month), month, state.today)
    if ('problem' in plan) throw new Error(`bill run of ${month}: ${plan.problem}`)
    return chargeEntries(plan, `bench-${month}`, state.agentId, Date.now(), state.today)
  }

  /**
   * Where a post's time goes: the same month's charges written (each on a fresh month) without audit entries on an
   * in-memory clock (sealing, blind indexes, one bulkPut), then audited on that clock; the timed runs add the
   * device clock, persisted at every tick.
   */
  async function postBreakdown(bareMonth: string, auditedMonth: string): Promise<PostBreakdown> {
    const bare = await preview(bareMonth)
    let t0 = performance.now()
    await createBroadbandRecords(state.bare).ledger.addMany(bare)
    const bareMs = performance.now() - t0
    const audited = await preview(auditedMonth)
    const onMemoryClock: BroadbandContext = { ...bb, records: createBroadbandRecords({ ...state.ctx, clock: state.bare.clock }) }
    t0 = performance.now()
    await postEntries(onMemoryClock, audited)
    return { charges: bare.length, sealAndWriteMs: bareMs, auditedMs: performance.now() - t0 }
  }

  async function billRun(month: string): Promise<StoreBillRun> {
    const t0 = performance.now()
    const agreements = await listAgreements(bb)
    const t1 = performance.now()
    const statuses = await statusesByAccount(bb)
    const t2 = performance.now()
    const billed = await chargedAccountsOf(bb, month)
    const t3 = performance.now()
    const accounts: BillableAccount[] = agreements.map((a) => ({ accountId: a.id, monthlyFee: a.record.plan.monthlyFee, state: agreementState(statuses.get(a.id) ?? []) }))
    const plan = billRunPreview(accounts, billed, month, state.today)
    if ('problem' in plan) throw new Error(`bill run of ${month}: ${plan.problem}`)
    const t4 = performance.now()
    const ids = await postEntries(bb, chargeEntries(plan, `bench-${month}`, state.agentId, Date.now(), state.today))
    const t5 = performance.now()
    return {
      month,
      previewMs: t4 - t0,
      postMs: t5 - t4,
      totalMs: t5 - t0,
      charged: ids.length,
      skipped: plan.skipped.length,
      parts: { agreementsMs: t1 - t0, statusesMs: t2 - t1, billedMs: t3 - t2, planMs: t4 - t3 },
    }
  }

  async function statement(month: string): Promise<StoreStatement> {
    const t0 = performance.now()
    const lines = await ledgerOf(bb, state.historyAccountId)
    const shown = statementOf(state.historyAccountId, lines, month)
    return { month, ms: performance.now() - t0, lines: shown.lines.length }
  }

  window.lobbyBroadbandBillRun = billRun
  window.lobbyBroadbandStatement = statement
  window.lobbyBroadbandPostBreakdown = postBreakdown
}

declare global {
  interface Window {
    lobbyBroadbandBillRun?: (month: string) => Promise<StoreBillRun>
    lobbyBroadbandStatement?: (month: string) => Promise<StoreStatement>
    lobbyBroadbandPostBreakdown?: (bareMonth: string, auditedMonth: string) => Promise<PostBreakdown>
  }
}
