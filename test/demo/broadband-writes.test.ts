// @vitest-environment node
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { balanceOf } from '@/core/broadband/ledger-fold'
import { agreementState } from '@/core/broadband/status-fold'
import { ledgerOf, statusChangesOf, type BroadbandContext } from '@/features/broadband/broadband-actions'
import { createBroadbandRecords } from '@/features/broadband/broadband-records'
import type { Person } from '@/core/directory/person'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { generateBroadband } from '../../scripts/demo/broadband'
import { writeBroadband } from '../../scripts/demo/broadband-writes'
import { demoToday } from '../../scripts/demo/members'
import { generatePeople } from '../../scripts/demo/people'

const tz = 'Asia/Shanghai'
const people = generatePeople(11, 60)
const personIds = people.map((_, i) => `person:${i}`)
// Small, so the writes stay quick: still one account at each step, the outage, the dispute and the violation.
const plan = generateBroadband({ seed: 11, today: demoToday, timeZone: tz, people, accounts: 40, by: 'agent-1' })

describe('demo broadband writes: the plan through the desk’s actions (issue 12 §11)', () => {
  it('every record lands sealed in the accounts realm, as planned: balances, statuses, the outage credited, the dispute; the audit holds no customer data', async () => {
    const t = createTestStorage()
    t.setKeys(await oneRealmKeys('accounts:1', 'agent-1'))
    const audited: { action: string; detail?: string }[] = []
    const ctx: BroadbandContext = { records: createBroadbandRecords(t.storage.recordContext), audit: { append: async (e) => void audited.push(e) }, userId: 'agent-1' }
    const months: string[] = []
    // The directory is the people repository's business (tested there): here, what the writes give it and when.
    const registered: Person[] = []
    const directory = { personIds, register: async (p: Person) => `person:business-${registered.push(p)}` }
    const ids = await writeBroadband(ctx, plan, directory, tz, async (m) => void months.push(m))
    expect(registered).toEqual(plan.businesses)

    const rows = await t.db.records.toArray()
    expect(rows.length).toBeGreaterThan(plan.ledger.length)
    for (const row of rows) expect(row).toMatchObject({ realm: 'accounts', kid: 'accounts:1', ct: expect.any(String) })
    const count = (type: string) => rows.filter((r) => r.type === type).length
    expect(count('bb-agreement')).toBe(plan.agreements.length)
    expect(count('bb-ledger')).toBe(plan.ledger.length)
    expect(count('bb-status')).toBe(plan.statusChanges.length)
    expect(count('bb-dunning')).toBe(plan.dunning.length)
    expect(count('bb-outage')).toBe(1)
    expect(count('bb-dispute')).toBe(1)
    const raw = JSON.stringify(rows)
    for (const a of plan.agreements) for (const clear of [a.record.accountNo, a.record.accountName]) expect(raw).not.toContain(clear)
    for (const l of plan.ledger) if (l.record.receiptNo) expect(raw).not.toContain(l.record.receiptNo)

    for (const a of plan.agreements) {
      const id = ids.accounts.get(a.id)!
      const planned = plan.ledger.filter((l) => l.record.accountId === a.id)
      expect(balanceOf(await ledgerOf(ctx, id))).toBe(balanceOf(planned))
      expect(agreementState(await statusChangesOf(ctx, id)).status).toBe(agreementState(plan.statusChanges.filter((s) => s.record.accountId === a.id)).status)
      const { subscriberId } = (await ctx.records.agreements.get(id))!
      if (a.record.subscriberId.startsWith('business-')) expect(subscriberId).toBe(`person:business-${Number(a.record.subscriberId.slice('business-'.length)) + 1}`)
      else expect(subscriberId).toBe(personIds[Number(a.record.subscriberId.slice('person-'.length))])
    }
    const outage = (await ctx.records.outages.list())[0]!
    expect(outage.id).toBe(ids.outage)
    expect(outage.record).toEqual({ ...plan.outage!.record, accountIds: plan.outage!.record.accountIds.map((a) => ids.accounts.get(a)) })
    const credits = (await ctx.records.ledger.list()).filter((l) => l.record.detail?.kind === 'outage')
    expect(credits.length).toBe(plan.outage!.record.accountIds.length * 2)
    for (const c of credits) expect(c.record.detail).toMatchObject({ outageId: ids.outage })
    const dispute = (await ctx.records.disputes.list())[0]!
    expect(dispute.record).toMatchObject({ status: 'open', accountId: ids.accounts.get(plan.dispute!.record.accountId), entryId: ids.lines.get(plan.dispute!.record.entryId) })

    expect(months.length).toBeGreaterThanOrEqual(12)
    const names = new Set(plan.agreements.map((a) => a.record.accountName))
    for (const e of audited) for (const name of names) expect(e.detail ?? '').not.toContain(name)
    expect(audited.filter((e) => e.action === 'broadband.payment')).toHaveLength(plan.ledger.filter((l) => l.record.kind === 'payment').length)
  }, 120_000)
})
