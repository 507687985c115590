import { describe, expect, it } from 'vitest'
import { statementNotices } from './statement-notices'
import type { BroadbandNotice, Objection, WithId } from './types'

const at = Date.parse('2026-12-01T02:00:00Z')
const notice = (id: string, postedOn: string, more: Partial<BroadbandNotice> = {}): WithId<BroadbandNotice> => ({
  id,
  record: { kind: 'maintenance', title: id, body: '', channels: ['sms'], postedAt: at + Number(postedOn.slice(8)) * 86_400_000, postedOn, postedBy: 'm1', startsAt: at + 40 * 86_400_000, endsAt: at + 41 * 86_400_000, ...more },
})
const terms = (id: string, postedOn: string, effectiveOn: string) => notice(id, postedOn, { kind: 'terms', startsAt: undefined, endsAt: undefined, effectiveOn })
const objection = (noticeId: string, on: string, outcome: Objection['outcome'], accountId = 'a1'): Objection => ({ noticeId, accountId, on, at: Date.parse(`${on}T03:00:00Z`), by: 'agent', outcome })

describe('BB-8, BB-13: notices on a statement', () => {
  it('BB-8: a month\'s statement carries the notices posted in that month, oldest first, not those of the months around it', () => {
    const all = [notice('dec-20', '2026-12-20'), notice('nov-30', '2026-11-30'), notice('dec-01', '2026-12-01'), notice('dec-31', '2026-12-31'), notice('jan-01', '2027-01-01')]
    expect(statementNotices(all, 'a1', '2026-12', '2026-12-31').map((n) => n.id)).toEqual(['dec-01', 'dec-20', 'dec-31'])
  })

  it('BB-8: a notice naming accounts is on theirs only; one to every live account is on each, unless the agreement ended before it was posted', () => {
    const all = [notice('named', '2026-12-05', { accountIds: ['a2', 'a3'] }), notice('everyone', '2026-12-10')]
    expect(statementNotices(all, 'a1', '2026-12', '2026-12-31').map((n) => n.id)).toEqual(['everyone'])
    expect(statementNotices(all, 'a2', '2026-12', '2026-12-31').map((n) => n.id)).toEqual(['named', 'everyone'])
    expect(statementNotices(all, 'a1', '2026-12', '2026-12-31', [], '2026-12-09').map((n) => n.id)).toEqual([])
    expect(statementNotices(all, 'a1', '2026-12', '2026-12-31', [], '2026-12-10').map((n) => n.id)).toEqual(['everyone'])
  })

  it('BB-13: a change of terms carries where this subscriber stands on it on the statement date', () => {
    const all = [terms('t1', '2026-12-01', '2027-01-01'), terms('t2', '2026-12-02', '2027-01-01')]
    const theirs = [objection('t1', '2026-12-10', 'recorded'), objection('t2', '2026-12-11', 'recorded', 'a2')]
    expect(statementNotices(all, 'a1', '2026-12', '2026-12-31', theirs).map((n) => [n.id, n.standing])).toEqual([
      ['t1', 'objected'],
      ['t2', 'open'],
    ])
    expect(statementNotices([terms('t3', '2026-11-01', '2026-12-01')], 'a1', '2026-11', '2026-12-31').map((n) => n.standing)).toEqual(['accepted'])
  })

  it('BB-13: an agreement ended over an objection says so on the statement', () => {
    const all = [terms('t1', '2026-12-01', '2027-01-01')]
    const theirs = [objection('t1', '2026-12-10', 'recorded'), objection('t1', '2026-12-12', 'ended')]
    expect(statementNotices(all, 'a1', '2026-12', '2026-12-31', theirs, '2026-12-12').map((n) => n.standing)).toEqual(['ended'])
  })
})
