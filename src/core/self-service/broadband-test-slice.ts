/**
 * One subscriber's broadband records for the self-service view tests, with another account's mixed in where the
 * test needs them (CONF-11). Test-only: nothing in src imports it.
 */
import { charge, line, payment } from '@/core/broadband/ledger-test-lines'
import type { Agreement, BroadbandNotice, Dispute, DuplicateReview, Objection, StatusChange, WithId } from '@/core/broadband/types'
import type { BroadbandAccountSlice } from './broadband-view'

export const at = (iso: string) => Date.parse(iso)
export const now = at('2027-04-10T04:00:00Z')

export const agreement: Agreement = {
  accountNo: 'KD-0001',
  accountName: 'Li Lei',
  subscriberId: 'p1',
  plan: { name: '100M fibre', monthlyFee: 100_00, singlePortFee: 30_00 },
  cycleStart: '2027-01-01',
  cycleEnd: '2027-12-31',
  createdAt: at('2027-01-01T01:00:00Z'),
  createdBy: 'agent-1',
}

export const status = (id: string, to: StatusChange['to'], on: string, reason: StatusChange['reason'], accountId = 'acc-1'): WithId<StatusChange> => ({
  id,
  record: { accountId, to, on, at: at(`${on}T02:00:00Z`), by: 'agent-1', reason },
})

export const dispute = (id: string, entryId: string, raisedOn: string, accountId = 'acc-1'): WithId<Dispute> => ({
  id,
  record: { accountId, entryId, raisedOn, raisedBy: 'agent-1', reason: 'not used that month', status: 'open' },
})

export const notice = (id: string, record: Partial<BroadbandNotice> & Pick<BroadbandNotice, 'kind' | 'postedOn'>): WithId<BroadbandNotice> => ({
  id,
  record: { title: `title of ${id}`, body: `body of ${id}`, channels: ['web'], postedAt: at(`${record.postedOn}T03:00:00Z`), postedBy: 'lead-1', ...record },
})

export const objection = (noticeId: string, on: string, outcome: Objection['outcome'], accountId = 'acc-1'): Objection => ({
  noticeId,
  accountId,
  on,
  at: at(`${on}T05:00:00Z`),
  by: 'agent-1',
  outcome,
})

/**
 * January to March billed; February partly paid and disputed; March charged twice (two offline bill runs, a manager
 * kept the second) with a statement's late fee; April so far holds only a payment. Still in arrears on 10 April.
 */
export function ownLines() {
  return [
    charge('2027-01', 100_00, '2027-01-31', {}, 'jan'),
    charge('2027-02', 100_00, '2027-02-28', {}, 'feb'),
    payment('2027-02-20', 50_00, {}, 'pay-feb'),
    charge('2027-03', 100_00, '2027-03-31', { at: at('2027-03-01T08:00:00Z') }, 'mar'),
    charge('2027-03', 100_00, '2027-03-31', { at: at('2027-03-01T09:00:00Z') }, 'mar-kept'),
    line(
      { kind: 'late-fee', amount: 9_30, on: '2027-03-31', month: '2027-03', detail: { kind: 'late-fee', through: '2027-03-31', segments: [{ amount: 100_00, from: '2027-03-01', through: '2027-03-31', days: 31 }], perMille: 3, cumulative: 9_30, charged: 0 } },
      'late-mar',
    ),
    payment('2027-04-05', 30_00, {}, 'pay-apr'),
  ]
}

export const reviews: DuplicateReview[] = [{ accountId: 'acc-1', month: '2027-03', kept: 'mar-kept', reviewedBy: 'manager-1', reviewedAt: at('2027-03-05T02:00:00Z') }]

export function ownSliceInput(): BroadbandAccountSlice {
  return {
    accountId: 'acc-1',
    agreement,
    changes: [status('start', 'active', '2027-01-01', 'service-start')],
    lines: ownLines(),
    reviews,
    disputes: [dispute('d-feb', 'feb', '2027-03-02')],
    notices: [],
    objections: [],
    today: '2027-04-10',
    now,
  }
}

/** Everything of a second account that a careless caller could hand over with the first's. */
export function otherAccount(): Pick<BroadbandAccountSlice, 'changes' | 'lines' | 'reviews' | 'disputes' | 'objections'> {
  return {
    changes: [status('other-end', 'terminated', '2027-02-01', 'notice', 'acc-2')],
    lines: [charge('2027-03', 999_00, '2027-03-31', { accountId: 'acc-2' }, 'other-charge'), payment('2026-11-02', 5_00, { accountId: 'acc-2' }, 'other-pay')],
    reviews: [{ accountId: 'acc-2', month: '2027-03', kept: 'other-charge', reviewedBy: 'manager-1', reviewedAt: 1 }],
    disputes: [dispute('other-dispute', 'jan', '2027-02-01', 'acc-2')],
    objections: [objection('n-terms-feb', '2027-02-12', 'ended', 'acc-2')],
  }
}
