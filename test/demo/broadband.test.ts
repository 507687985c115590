// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { checkAgreementDraft } from '@/core/broadband/agreement-check'
import { dueDateOf } from '@/core/broadband/bill-run'
import { dunningStepsOn, type WorkStep } from '@/core/broadband/dunning'
import { balanceOf, isDebit, openItemsOn } from '@/core/broadband/ledger-fold'
import { outageCredit } from '@/core/broadband/outage-credit'
import { checkPayment } from '@/core/broadband/payment-check'
import { agreementState } from '@/core/broadband/status-fold'
import { checkPerson } from '@/core/directory/person'
import { monthOf } from '@/core/shared/calendar-month'
import { localDateOf } from '@/core/shared/local-date'
import { broadbandCounts, generateBroadband, type BroadbandPlan } from '../../scripts/demo/broadband'
import { demoToday } from '../../scripts/demo/members'
import { generatePeople } from '../../scripts/demo/people'

const tz = 'Asia/Shanghai'
const people = generatePeople(2026, 2000)
const input = { seed: 2026, today: demoToday, timeZone: tz, people, accounts: 300, by: 'agent-1' }
const plan = generateBroadband(input)

const linesOf = (p: BroadbandPlan, accountId: string) => p.ledger.filter((l) => l.record.accountId === accountId)
const stateOf = (p: BroadbandPlan, accountId: string) => agreementState(p.statusChanges.filter((s) => s.record.accountId === accountId))
/** BB-4: the worklist of every account on the plan's today, as the desk folds it. */
function stepsToday(p: BroadbandPlan): Map<string, WorkStep[]> {
  const steps = new Map<string, WorkStep[]>()
  for (const { id } of p.agreements) {
    const found = dunningStepsOn({ state: stateOf(p, id), items: openItemsOn(linesOf(p, id), p.today), dunning: p.dunning.filter((d) => d.record.accountId === id).map((d) => d.record), today: p.today })
    if (found.length) steps.set(id, found)
  }
  return steps
}

describe('demo broadband: a year at the counter (issue 12 §11)', () => {
  it('is the same for the same seed and today, another for another seed', () => {
    expect(generateBroadband(input)).toEqual(plan)
    expect(generateBroadband({ ...input, seed: 7 }).ledger.map((l) => l.record.amount)).not.toEqual(plan.ledger.map((l) => l.record.amount))
  })

  it('BB-1: 300 agreements of distinct directory people registered before, at the demo plans, a few through an agent; a few still pending', () => {
    expect(plan.agreements).toHaveLength(300)
    expect(new Set(plan.agreements.map((a) => a.record.subscriberId)).size).toBe(300)
    expect(new Set(plan.agreements.map((a) => a.record.accountNo)).size).toBe(300)
    for (const { record: a } of plan.agreements) {
      const { createdAt: _at, createdBy: _by, ...draft } = a
      expect(checkAgreementDraft(draft)).toEqual({})
      const person = a.subscriberId.startsWith('business-') ? plan.businesses[Number(a.subscriberId.slice('business-'.length))]! : people[Number(a.subscriberId.slice('person-'.length))]!
      expect(a.accountName).toBe(person.name)
      expect(new Date(person.createdAt).getTime()).toBeLessThan(a.createdAt)
      expect([5000, 8000, 12000]).toContain(a.plan.monthlyFee)
      expect(a.cycleEnd > a.cycleStart).toBe(true)
    }
    expect(plan.agreements.filter((a) => a.record.agent).length).toBeGreaterThanOrEqual(5)
    // CUST-1: a few businesses, each with a file the people form accepts, subscribing through a member of staff.
    expect(plan.businesses).toHaveLength(4)
    for (const b of plan.businesses) {
      expect(b).toMatchObject({ kind: 'business', legalRepresentative: expect.any(String), licenceNo: expect.stringMatching(/^91\w{16}$/), postcode: '510006' })
      expect(checkPerson(b, demoToday)).toEqual({})
    }
    const ofBusinesses = plan.agreements.filter((a) => a.record.subscriberId.startsWith('business-'))
    expect(ofBusinesses.map((a) => a.record.accountName)).toEqual(plan.businesses.map((b) => b.name))
    for (const a of ofBusinesses) expect(a.record.agent?.authorisation).toBe('单位介绍信')
    expect(plan.agreements[0]!.record.createdAt).toBeLessThan(Date.parse('2025-12-31'))
    const counts = broadbandCounts(plan)
    expect(counts.pending).toBeGreaterThanOrEqual(3)
    for (const a of plan.agreements) if (stateOf(plan, a.id).status === 'pending') expect(linesOf(plan, a.id)).toEqual([])
  })

  it('BB-2: every account’s balance is its charges and late fees less its payments and credits; payments through the counter or the website with a receipt', () => {
    for (const { id } of plan.agreements) {
      const lines = linesOf(plan, id)
      const sum = (kinds: string[]) => lines.filter((l) => kinds.includes(l.record.kind)).reduce((s, l) => s + l.record.amount, 0)
      expect(balanceOf(lines)).toBe(sum(['charge', 'late-fee']) - sum(['payment', 'credit']))
      expect(lines.every((l) => Number.isSafeInteger(l.record.amount) && l.record.amount > 0)).toBe(true)
    }
    const payments = plan.ledger.filter((l) => l.record.kind === 'payment')
    expect(payments.length).toBeGreaterThan(1500)
    for (const p of payments) {
      expect(checkPayment({ amount: p.record.amount, channel: p.record.channel!, receiptNo: p.record.receiptNo! })).toEqual({})
      expect(p.record.receiptNo).toMatch(/^(KD|W)\d{8}/)
    }
    expect(new Set(payments.map((p) => p.record.receiptNo)).size).toBe(payments.length)
    expect(new Set(payments.map((p) => p.record.channel)).size).toBe(2)
    expect(plan.ledger.map((l) => l.record.at)).toEqual(plan.ledger.map((l) => l.record.at).sort((a, b) => a - b))
  })

  it('BB-2, BB-6: monthly bill runs through this month, one charge per account and month, nothing billed before service starts (the first month from its day)', () => {
    const runs = plan.postings.filter((p) => p.what === 'bill-run')
    expect(runs.at(-1)!.month).toBe(monthOf(demoToday))
    expect(runs.length).toBeGreaterThanOrEqual(12)
    const charges = plan.ledger.filter((l) => l.record.kind === 'charge')
    expect(new Set(charges.map((c) => `${c.record.accountId} ${c.record.month}`)).size).toBe(charges.length)
    let partMonths = 0
    for (const c of charges) {
      const start = stateOf(plan, c.record.accountId).serviceStart!
      expect(start <= dueDateOf(c.record.month!)).toBe(true)
      expect(c.record.month! >= monthOf(start)).toBe(true)
      if (c.record.month === monthOf(start) && c.record.detail?.kind === 'monthly-fee' && c.record.detail.days) partMonths++
    }
    expect(partMonths).toBeGreaterThan(200)
    // Each posting is one bill run, one month end's late fees or the outage's credits: every line in exactly one, or a payment.
    const posted = plan.postings.flatMap((p) => p.lines)
    expect(new Set(posted).size).toBe(posted.length)
    expect(plan.ledger.filter((l) => !posted.includes(l.id)).every((l) => l.record.kind === 'payment')).toBe(true)
  })

  it('BB-4: today a few accounts at each dunning step and one suspended for a violation before its deadline; every other account clear', () => {
    const steps = stepsToday(plan)
    const at = (step: WorkStep['step']) => [...steps.values()].filter((s) => s.some((x) => x.step === step)).length
    for (const step of ['notice', 'credit-record', 'may-suspend', 'terminate'] as const) expect(at(step), step).toBeGreaterThanOrEqual(3)
    expect(new Set(steps.keys())).toEqual(new Set(Object.keys(plan.arrears)))
    const violations = plan.agreements.map((a) => stateOf(plan, a.id)).filter((s) => s.suspension?.reason === 'violation')
    expect(violations).toHaveLength(1)
    expect(violations[0]!.suspension!.deadline! > demoToday).toBe(true)
  })

  it('BB-5: the accounts more than a month overdue have late fees posted at month ends; those who paid late paid them too', () => {
    const lateFees = plan.ledger.filter((l) => l.record.kind === 'late-fee')
    expect(lateFees.length).toBeGreaterThanOrEqual(10)
    for (const l of lateFees) {
      expect(l.record.on).toBe(dueDateOf(monthOf(l.record.on)))
      if (!plan.paidLate.includes(l.record.accountId)) expect(['may-suspend', 'terminate']).toContain(plan.arrears[l.record.accountId])
    }
    expect(plan.paidLate).toHaveLength(4)
    for (const accountId of plan.paidLate) {
      expect(lateFees.some((l) => l.record.accountId === accountId)).toBe(true)
      expect(balanceOf(linesOf(plan, accountId))).toBeLessThanOrEqual(plan.agreements.find((a) => a.id === accountId)!.record.plan.monthlyFee)
      // BB-4: suspended while more than a month overdue, active again once paid.
      const history = stateOf(plan, accountId).history.map((h) => [h.record.to, h.record.reason, h.applied])
      expect(history).toEqual([['active', 'service-start', true], ['suspended', 'arrears', true], ['active', 'paid', true]])
    }
  })

  it('BB-6: one business-caused outage across a month end, repaired late; its credits are outageCredit per account and month', () => {
    const { record: o } = plan.outage!
    expect(o.businessCaused).toBe(true)
    expect(o.end! > o.promisedBy).toBe(true)
    expect(monthOf(localDateOf(o.start, tz))).not.toBe(monthOf(localDateOf(o.end!, tz)))
    expect(o.accountIds.length).toBeGreaterThanOrEqual(5)
    const credits = plan.ledger.filter((l) => l.record.kind === 'credit' && l.record.detail?.kind === 'outage')
    for (const accountId of o.accountIds) {
      const fee = plan.agreements.find((a) => a.id === accountId)!.record.plan.monthlyFee
      const expected = outageCredit({ start: o.start, end: o.end!, businessCaused: true, promisedBy: o.promisedBy }, fee, tz)
      if (!('due' in expected) || !expected.due) throw new Error('no credit due')
      expect(expected.months).toHaveLength(2)
      expect(credits.filter((c) => c.record.accountId === accountId).map((c) => [c.record.month, c.record.amount])).toEqual(expected.months.map((m) => [m.month, m.credit]))
    }
    expect(credits).toHaveLength(o.accountIds.length * 2)
    expect(o.creditedAt).toBe(credits[0]!.record.at)
  })

  it('BB-7: one open dispute of a charge of its account, raised within 6 months of it', () => {
    const { record: d } = plan.dispute!
    const charge = plan.ledger.find((l) => l.id === d.entryId)!
    expect(charge.record).toMatchObject({ kind: 'charge', accountId: d.accountId })
    expect(d.status).toBe('open')
    expect(d.raisedOn <= demoToday && d.raisedOn >= charge.record.on).toBe(true)
  })

  it('debits and credits never mix: every debit kind has a due day, every payment none', () => {
    for (const l of plan.ledger) if (isDebit(l.record.kind) && l.record.kind === 'charge') expect(l.record.due).toBe(dueDateOf(l.record.month!))
  })
})
