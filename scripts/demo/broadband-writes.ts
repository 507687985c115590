/**
 * Writes the generated year at the broadband counter through the desk's own actions (broadband-actions.ts), on
 * the agent's device, in the order it happened: businesses registered in the directory (CUST-1), agreements opened, service started, each bill run posted in one
 * transaction, payments taken one by one with their receipts, dunning steps confirmed, suspensions, late fees at
 * month ends, the outage recorded when reported, completed when repaired and credited, the dispute raised. Every
 * record is sealed in the `accounts` realm. The plan's ids (`acct-N`, `line-N`, `person-N`, `outage-0`) become the
 * stored ones as they are written.
 */
import type { Dispute, LedgerEntry } from '@/core/broadband/types'
import type { Person } from '@/core/directory/person'
import { instantOf, localDateOf } from '@/core/shared/local-date'
import { changeStatus, openAgreement, postEntries, takePayment, type BroadbandContext } from '@/features/broadband/broadband-actions'
import { raiseDispute, recordDunning, saveOutage } from '@/features/broadband/broadband-case-actions'
import { createBroadbandRecords } from '@/features/broadband/broadband-records'
import type { BroadbandPlan } from './broadband'
import type { SignedIn } from './organisation'

/** One thing done at the counter, at its instant. */
interface Doing {
  at: number
  run: () => Promise<unknown>
}

/** The directory the subscribers are in: the demo's people (`person-N`) and how a business is registered (CUST-1). */
export interface SubscriberDirectory {
  personIds: readonly string[]
  register: (business: Person) => Promise<string>
}

/** The stored ids of what the plan named by its own. */
export interface BroadbandIds {
  accounts: Map<string, string>
  businesses: Map<string, string>
  lines: Map<string, string>
  outage?: string
  dispute?: string
}

/**
 * Writes `plan` with `ctx` (the agent's records and audit); `directory.personIds[N]` stands for `person-N`, and each
 * business is registered through `directory.register`. `monthDone` runs after each month's doings (the demo syncs there).
 */
export async function writeBroadband(ctx: BroadbandContext, plan: BroadbandPlan, directory: SubscriberDirectory, timeZone: string, monthDone: (month: string) => Promise<void> = async () => {}): Promise<BroadbandIds> {
  const ids: BroadbandIds = { accounts: new Map(), businesses: new Map(), lines: new Map() }
  const subscriber = (planId: string) =>
    (planId.startsWith('person-') ? directory.personIds[Number(planId.slice('person-'.length))] : ids.businesses.get(planId)) ?? fail(`no directory record for ${planId}`)
  const account = (planId: string) => ids.accounts.get(planId) ?? fail(`no stored account for ${planId}`)
  const stored = (e: LedgerEntry): LedgerEntry => {
    const entry = { ...e, accountId: account(e.accountId) }
    if (entry.detail?.kind === 'outage') entry.detail = { ...entry.detail, outageId: ids.outage ?? fail('the outage is not recorded yet') }
    return entry
  }
  const lines = new Map(plan.ledger.map((l) => [l.id, l.record]))
  const posted = new Set(plan.postings.flatMap((p) => p.lines))
  // Everything the year holds, each at its instant; at one instant in the order listed (the credits before the outage says so).
  const doings: Doing[] = [
    ...plan.businesses.map((business, n) => ({ at: Date.parse(business.createdAt), run: async () => ids.businesses.set(`business-${n}`, await directory.register(business)) })),
    ...plan.agreements.map(({ id, record: { createdAt, createdBy, subscriberId, ...draft } }) => ({
      at: createdAt,
      run: async () => ids.accounts.set(id, await openAgreement(ctx, { ...draft, subscriberId: subscriber(subscriberId) }, { by: createdBy, at: createdAt })),
    })),
    ...plan.statusChanges.map(({ record }) => ({ at: record.at, run: () => changeStatus(ctx, { ...record, accountId: account(record.accountId) }) })),
    ...plan.postings.map((p) => ({
      at: p.at,
      run: async () => {
        const written = await postEntries(ctx, p.lines.map((id) => stored(lines.get(id)!)))
        p.lines.forEach((id, n) => ids.lines.set(id, written[n]!))
      },
    })),
    ...plan.ledger.filter((l) => !posted.has(l.id)).map((l) => ({ at: l.record.at, run: async () => ids.lines.set(l.id, await takePayment(ctx, stored(l.record))) })),
    ...plan.dunning.map(({ record }) => ({ at: record.at, run: () => recordDunning(ctx, { ...record, accountId: account(record.accountId) }) })),
    ...outageDoings(ctx, plan, ids, account),
    ...(plan.dispute ? [disputeDoing(ctx, plan.dispute.record, ids, account, timeZone)] : []),
  ]
  // A stable sort: at one instant, the order above.
  doings.sort((a, b) => a.at - b.at)
  let month: string | undefined
  for (const doing of doings) {
    const now = localDateOf(doing.at, timeZone).slice(0, 7)
    if (month && now !== month) await monthDone(month)
    month = now
    await doing.run()
  }
  if (month) await monthDone(month)
  return ids
}

/** BB-6: recorded when reported (the accounts of the floor), completed when repaired, marked credited once the credits are posted. */
function outageDoings(ctx: BroadbandContext, plan: BroadbandPlan, ids: BroadbandIds, account: (planId: string) => string): Doing[] {
  if (!plan.outage) return []
  const { record: outage } = plan.outage
  const { end, creditedAt, ...reported } = outage
  const accountIds = () => outage.accountIds.map(account)
  return [
    { at: outage.recordedAt, run: async () => (ids.outage = await saveOutage(ctx, { ...reported, accountIds: accountIds() })) },
    { at: end!, run: () => saveOutage(ctx, { ...reported, accountIds: accountIds(), end: end! }, ids.outage) },
    { at: creditedAt!, run: () => saveOutage(ctx, { ...outage, accountIds: accountIds() }, ids.outage) },
  ]
}

/** BB-7: the dispute, of a charge already posted. */
function disputeDoing(ctx: BroadbandContext, d: Dispute, ids: BroadbandIds, account: (planId: string) => string, timeZone: string): Doing {
  return {
    at: instantOf(d.raisedOn, '10:30', timeZone),
    run: async () => {
      const { status: _open, ...raised } = d
      ids.dispute = await raiseDispute(ctx, { ...raised, accountId: account(d.accountId), entryId: ids.lines.get(d.entryId) ?? fail('the disputed charge is not posted yet') })
    },
  }
}

function fail(why: string): never {
  throw new Error(`broadband: ${why}`)
}

/** The demo's agent writes the year on their own device (the businesses into the directory, CUST-1), syncing after every month. */
export async function registerBroadband(agent: SignedIn, plan: BroadbandPlan, personIds: readonly string[], out: (line: string) => void): Promise<BroadbandIds> {
  const storage = agent.device.storage
  const ctx: BroadbandContext = { records: createBroadbandRecords(storage.recordContext), audit: storage.audit, userId: agent.session.userId }
  const timeZone = (await storage.orgSettings.read()).settings.timeZone
  const engine = agent.device.engine(agent.session)
  try {
    const directory = { personIds, register: (business: Person) => storage.people.put(business) }
    const ids = await writeBroadband(ctx, plan, directory, timeZone, async (month) => {
      await agent.device.sync(agent.session, engine)
      out(`  broadband: ${month} written by ${agent.spec.username} and synced`)
    })
    return ids
  } finally {
    await engine.close()
  }
}
