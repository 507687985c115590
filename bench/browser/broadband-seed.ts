/**
 * The broadband bench's seed (issue 12 "Done means"), on the bench page beside seed.ts, run in its own browser
 * context: founds an organisation the way the app does (seed-organisation.ts) with an agent (the `accounts` realm's
 * holder; front desk holds none) as the signed-in user, then writes through the records kit in bulk (`putMany`,
 * `addMany`): a subscriber in the directory and an agreement for each account, its service-start status event (and a
 * suspension or termination for a few), and one account's 3 years of ledger (bench/browser/broadband-plan.ts). No
 * audit entries (the repo context has no `events`): the timed runs afterwards are audited as the app's are.
 */
import { localDateOf } from '@/core/shared/local-date'
import type { Agreement, LedgerEntry, StatusChange } from '@/core/broadband/types'
import { formatHlc } from '@/core/sync/hlc'
import { createBroadbandRecords } from '@/features/broadband/broadband-records'
import { createPeopleRepo } from '@/storage/people.repo'
import { generatePeople } from '../../scripts/demo/people'
import { billRunMonths, planAgreements, planHistory } from './broadband-plan'
import type { BroadbandSeedResult, BroadbandSeedSizes, BroadbandSeedUsers } from './broadband-seed-types'
import { installStorePaths } from './broadband-store-paths'
import { foundBenchOrganisation } from './seed-organisation'
import { putInSlices } from './seed-writes'

async function seedBroadband(sizes: BroadbandSeedSizes, users: BroadbandSeedUsers): Promise<BroadbandSeedResult> {
  const t0 = performance.now()
  const log = (line: string) => console.log(`[seed] ${line} (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
  // The agent takes the place the desk benches give the front desk: the user signed in, whose keys seal the writes.
  const { storage, deskUserId: agentId, clock, ctx } = await foundBenchOrganisation({ admin: users.admin, manager: users.manager, desk: users.agent })
  log('organisation founded (admin, manager, broadband agent)')
  const timeZone = (await storage.orgSettings.read()).settings.timeZone
  const today = localDateOf(Date.now(), timeZone)
  const input = { seed: sizes.seed, accounts: sizes.accounts, today, timeZone, billRunMonths: sizes.billRunMonths, years: sizes.years }
  const people = createPeopleRepo(ctx)
  const records = createBroadbandRecords(ctx)
  const at = Date.now()

  const subscribers = generatePeople(sizes.seed + 2, sizes.accounts)
  const subscriberIds = await putInSlices(subscribers, sizes, (slice) => people.putMany(slice.map((record) => ({ record }))))
  log(`${subscribers.length} subscribers in the directory`)

  const planned = planAgreements(input)
  const agreements: Agreement[] = planned.map((p, i) => ({
    accountNo: p.accountNo,
    accountName: `${subscribers[i]!.name} ${p.accountName}`,
    subscriberId: subscriberIds[i]!,
    plan: p.plan,
    cycleStart: p.cycleStart,
    cycleEnd: p.cycleEnd,
    createdAt: at,
    createdBy: agentId,
  }))
  const accountIds = await putInSlices(agreements, sizes, (slice) => records.agreements.putMany(slice.map((record) => ({ record }))))
  log(`${agreements.length} agreements`)

  const history = planHistory(input, planned[0]!.plan)
  const historyAccountId = accountIds[0]!
  const status = (accountId: string, to: StatusChange['to'], on: string, reason: StatusChange['reason']): StatusChange => ({ accountId, to, on, at, by: agentId, reason })
  const changes: StatusChange[] = []
  planned.forEach((p, i) => {
    changes.push(status(accountIds[i]!, 'active', p.serviceStart, 'service-start'))
    if (p.status === 'suspended') changes.push(status(accountIds[i]!, 'suspended', p.changedOn!, 'arrears'))
    if (p.status === 'terminated') changes.push(status(accountIds[i]!, 'terminated', p.changedOn!, 'arrears-terminated'))
  })
  for (const s of history.statusChanges) changes.push(status(historyAccountId, s.to, s.on, s.reason))
  await putInSlices(changes, sizes, (slice) => records.statusChanges.addMany(slice))
  log(`${changes.length} status events`)

  const outageId = await records.outages.put({
    accountIds: [historyAccountId],
    start: history.outage.start,
    end: history.outage.end,
    cause: '光缆施工挖断',
    businessCaused: true,
    promisedBy: history.outage.promisedBy,
    recordedAt: history.outage.start + 3_600_000,
    recordedBy: agentId,
    creditedAt: history.outage.end + 86_400_000,
  })
  const entries: LedgerEntry[] = history.entries.map((e) => ({
    ...e,
    accountId: historyAccountId,
    by: agentId,
    ...(e.detail?.kind === 'outage' ? { detail: { ...e.detail, outageId } } : {}),
  }))
  await records.ledger.addMany(entries)
  log(`one account's ${entries.length} ledger lines over ${sizes.years} years`)

  const chargedMonths = entries.flatMap((e) => (e.kind === 'charge' ? [e.month!] : []))

  const last = clock.last()
  if (last) await storage.clock.observe(formatHlc(last))
  // The timed runs: audited, on the device's own clock, as the app writes.
  installStorePaths({ ctx: storage.withKeys(ctx.keys()!).recordContext, bare: ctx, audit: storage.audit, agentId, today, historyAccountId })

  return {
    accounts: agreements.length,
    suspended: planned.filter((p) => p.status === 'suspended').length,
    terminated: planned.filter((p) => p.status === 'terminated').length,
    statusEvents: changes.length,
    historyAccountId,
    otherAccountId: accountIds[1]!,
    historyLines: entries.length,
    // The months with a late fee, the outage's two, the back-charge's, and every sixth month besides.
    statementMonths: [...new Set([...history.notableMonths, ...chargedMonths.filter((_, i) => i % 6 === 0), chargedMonths.at(-1)!])].sort(),
    billRunMonths: billRunMonths(today, sizes.billRunMonths),
    today,
    timeZone,
    seconds: (performance.now() - t0) / 1000,
  }
}

declare global {
  interface Window {
    lobbyBroadbandSeed?: typeof seedBroadband
  }
}
window.lobbyBroadbandSeed = seedBroadband
