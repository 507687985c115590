import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { disputeWindow } from '@/core/broadband/dispute-window'
import { charge, payment } from '@/core/broadband/ledger-test-lines'
import { balanceOf } from '@/core/broadband/ledger-fold'
import { statementOf } from '@/core/broadband/statement'
import { addDaysTo } from '@/core/shared/local-date'
import { at, dispute, now, objection, otherAccount, ownLines, ownSliceInput, reviews, status } from './broadband-test-slice'
import { broadbandAccountView, broadbandMonthViews, type BroadbandAccountSlice } from './broadband-view'
import { selfBroadbandAccountSchema, selfBroadbandMonthSchema } from './schemas'

// The counter's statement dates on 10 April: each past month's last day, today for the month still running.
const statementDates: Record<string, string> = { '2027-01': '2027-01-31', '2027-02': '2027-02-28', '2027-03': '2027-03-31', '2027-04': '2027-04-10' }

const byId = (views: ReturnType<typeof broadbandMonthViews>) => new Map(views.flatMap((m) => m.lines.map((l) => [l.id, l])))

describe('self-service broadband month views', () => {
  it('BB-2, BB-5: every month view carries the counter’s statement to the fen (statementOf, same lines, date and reviews)', () => {
    const views = broadbandMonthViews(ownSliceInput())
    expect(views).toHaveLength(4)
    for (const view of views) {
      const st = statementOf('acc-1', ownLines(), view.month, statementDates[view.month], reviews)
      expect({ from: view.from, through: view.through, opening: view.opening, debits: view.debits, credits: view.credits, closing: view.closing }).toEqual({
        from: st.from,
        through: st.through,
        opening: st.opening,
        debits: st.debits,
        credits: st.credits,
        closing: st.closing,
      })
      expect(view.lines.map(({ id, debit, credit, balance }) => ({ id, debit, credit, balance }))).toEqual(st.lines.map(({ id, debit, credit, balance }) => ({ id, debit, credit, balance })))
      const { due: _due, ...formula } = st.lateFee
      expect(view.lateFee).toEqual(formula)
      expect(v.parse(selfBroadbandMonthSchema, view)).toEqual(view)
    }
  })

  it('BB-5: the late fee formula runs through the statement date, today for the month still running', () => {
    const [april, march] = broadbandMonthViews(ownSliceInput())
    expect(april?.lateFee.through).toBe('2027-04-10')
    expect(march?.lateFee).toMatchObject({ through: '2027-03-31', perMille: 3, charged: 9_30 })
    expect(march?.lateFee.segments.length).toBeGreaterThan(0)
  })

  it('BB-2: one view per month with lines, newest first; a month with only a payment has its own view', () => {
    const views = broadbandMonthViews(ownSliceInput())
    expect(views.map((m) => m.month)).toEqual(['2027-04', '2027-03', '2027-02', '2027-01'])
    expect(views[0]).toMatchObject({ accountId: 'acc-1', from: '2027-04-01', through: '2027-04-30', opening: 259_30, debits: 0, credits: 30_00, closing: 229_30, foldedAt: now })
    expect(views[0]?.lines).toEqual([{ id: 'pay-apr', kind: 'payment', on: '2027-04-05', debit: 0, credit: 30_00, balance: 229_30, receiptNo: 'R-2027-04-05', dispute: { state: 'closed', reason: 'not-a-charge' } }])
  })

  it('BB-2: a month charged twice shows the charge counted (here the one a manager kept), once', () => {
    const march = broadbandMonthViews(ownSliceInput()).find((m) => m.month === '2027-03')
    expect(march?.lines.map((l) => l.id)).toEqual(['mar-kept', 'late-mar'])
    expect(march?.lines[0]).toMatchObject({ kind: 'charge', month: '2027-03' })
    expect(march?.lines[0]).not.toHaveProperty('detail')
    expect(march?.lines[1]?.detail).toMatchObject({ kind: 'late-fee', cumulative: 9_30 })
  })

  it('BB-7: each line says whether it may be disputed: already disputed, closed in arrears (BB-3), or not a charge', () => {
    const lines = byId(broadbandMonthViews(ownSliceInput()))
    expect(lines.get('feb')?.dispute).toEqual({ state: 'closed', reason: 'disputed' })
    expect(lines.get('jan')?.dispute).toEqual({ state: 'closed', reason: 'arrears' })
    expect(lines.get('late-mar')?.dispute).toEqual({ state: 'closed', reason: 'arrears' })
    expect(lines.get('pay-feb')?.dispute).toEqual({ state: 'closed', reason: 'not-a-charge' })
  })

  it('BB-7: a charge may be disputed through the last day of its window, and not the day after (with the day it closed)', () => {
    const on = '2026-08-31'
    const window = disputeWindow(on, on)
    if (!window.open) throw new Error('a charge can be disputed the day it is made')
    const paidUp = (today: string): BroadbandAccountSlice => ({
      ...ownSliceInput(),
      lines: [charge('2026-08', 100_00, '2026-08-31', { on }, 'aug'), payment(on, 100_00, {}, 'pay-aug')],
      reviews: [],
      disputes: [],
      today,
    })
    const lastDay = byId(broadbandMonthViews(paidUp(window.lastDay))).get('aug')
    const dayAfter = byId(broadbandMonthViews(paidUp(addDaysTo(window.lastDay, 1)))).get('aug')
    expect(lastDay?.dispute).toEqual({ state: 'open' })
    expect(dayAfter?.dispute).toEqual({ state: 'closed', reason: 'window-closed', closedOn: window.lastDay })
    expect(() => v.parse(selfBroadbandMonthSchema, broadbandMonthViews(paidUp(addDaysTo(window.lastDay, 1)))[0])).not.toThrow()
  })

  it('BB-7: an account with no ledger lines has no month views', () => {
    expect(broadbandMonthViews({ ...ownSliceInput(), lines: [] })).toEqual([])
  })
})

describe('self-service broadband account view', () => {
  it('BB-1, BB-2: plan, status folded from its events, the balance the account page shows, the months, disputes', () => {
    const view = broadbandAccountView(ownSliceInput())
    expect(view).toEqual({
      accountId: 'acc-1',
      accountNo: 'KD-0001',
      planName: '100M fibre',
      monthlyFee: 100_00,
      status: 'active',
      balance: 229_30,
      months: ['2027-04', '2027-03', '2027-02', '2027-01'],
      notices: [],
      disputes: [{ id: 'd-feb', entryId: 'feb', raisedOn: '2027-03-02', status: 'open' }],
      foldedAt: now,
    })
    expect(view.balance).toBe(balanceOf(ownLines(), reviews))
    expect(view.months).toEqual(broadbandMonthViews(ownSliceInput()).map((m) => m.month))
    expect(v.parse(selfBroadbandAccountSchema, view)).toEqual(view)
  })
})

describe('self-service broadband notices', () => {
  const n = (id: string, kind: 'maintenance' | 'terms', postedOn: string, extra: object = {}) => ({
    id,
    record: { kind, title: `title of ${id}`, body: `body of ${id}`, channels: ['web' as const], postedOn, postedAt: at(`${postedOn}T03:00:00Z`), postedBy: 'lead-1', ...extra },
  })
  const notices = [
    n('n-before', 'maintenance', '2026-12-20'),
    n('n-late-objection', 'terms', '2027-01-10', { effectiveOn: '2027-02-01' }),
    n('n-terms-feb', 'terms', '2027-02-10', { effectiveOn: '2027-03-10' }),
    n('n-maint', 'maintenance', '2027-03-05', { startsAt: at('2027-03-08T16:00:00Z'), endsAt: at('2027-03-08T20:00:00Z') }),
    n('n-other', 'maintenance', '2027-03-06', { accountIds: ['acc-2'] }),
    n('n-terms-apr', 'terms', '2027-04-02', { effectiveOn: '2027-05-01' }),
    n('n-named', 'maintenance', '2027-04-03', { accountIds: ['acc-1', 'acc-3'] }),
  ]
  const objections = [objection('n-terms-apr', '2027-04-05', 'recorded'), objection('n-late-objection', '2027-02-03', 'recorded')]

  it('BB-8, BB-13: the notices concerning the account, newest first; `objected` on a change of terms when they objected in time', () => {
    const view = broadbandAccountView({ ...ownSliceInput(), notices, objections })
    expect(view.notices.map((x) => [x.id, x.objected])).toEqual([
      ['n-named', undefined],
      ['n-terms-apr', true],
      ['n-maint', undefined],
      ['n-terms-feb', false],
      // Objected after the new terms applied: too late, the terms were accepted.
      ['n-late-objection', false],
    ])
    expect(view.notices[2]).toEqual({ id: 'n-maint', kind: 'maintenance', title: 'title of n-maint', body: 'body of n-maint', postedOn: '2027-03-05', startsAt: at('2027-03-08T16:00:00Z'), endsAt: at('2027-03-08T20:00:00Z') })
    expect(view.notices[1]).toMatchObject({ kind: 'terms', effectiveOn: '2027-05-01' })
    expect(v.parse(selfBroadbandAccountSchema, view)).toEqual(view)
  })

  it('BB-13: once the agreement has ended, a notice to every account posted later no longer concerns it; one naming it still does', () => {
    const ended = [status('start', 'active', '2027-01-01', 'service-start'), status('end', 'terminated', '2027-03-20', 'notice')]
    const view = broadbandAccountView({ ...ownSliceInput(), changes: ended, notices, objections })
    expect(view.status).toBe('terminated')
    expect(view.notices.map((x) => x.id)).toEqual(['n-named', 'n-maint', 'n-terms-feb', 'n-late-objection'])
  })
})

describe('self-service broadband views: CONF-11 and determinism', () => {
  function mixed(): BroadbandAccountSlice {
    const own = ownSliceInput()
    const other = otherAccount()
    return {
      ...own,
      changes: [...other.changes, ...own.changes],
      lines: [...other.lines, ...own.lines],
      reviews: [...(other.reviews ?? []), ...(own.reviews ?? [])],
      disputes: [...other.disputes, ...own.disputes],
      objections: [...other.objections, objection('n-terms-feb', '2027-02-12', 'recorded', 'acc-3')],
      notices: [{ id: 'n-terms-feb', record: { kind: 'terms', title: 't', body: 'b', channels: ['sms'], postedOn: '2027-02-10', postedAt: at('2027-02-10T03:00:00Z'), postedBy: 'lead-1', effectiveOn: '2027-03-10' } }],
    }
  }

  it('CONF-11: another account’s ledger, status, reviews, disputes and objections never reach the views', () => {
    const alone = { ...ownSliceInput(), notices: mixed().notices }
    expect(broadbandMonthViews(mixed())).toEqual(broadbandMonthViews(alone))
    expect(broadbandAccountView(mixed())).toEqual(broadbandAccountView(alone))
    expect(JSON.stringify([broadbandMonthViews(mixed()), broadbandAccountView(mixed())])).not.toContain('other-')
    expect(broadbandAccountView(mixed()).notices).toMatchObject([{ id: 'n-terms-feb', objected: false }])
  })

  it('CONF-11: the same records in any order give the same bodies (two staff devices write the same views)', () => {
    const forward = mixed()
    const reversed: BroadbandAccountSlice = {
      ...forward,
      changes: [...forward.changes].reverse(),
      lines: [...forward.lines].reverse(),
      reviews: [...(forward.reviews ?? [])].reverse(),
      disputes: [...forward.disputes, dispute('d-jan', 'jan', '2027-03-02')].reverse(),
      objections: [...forward.objections].reverse(),
    }
    const withJan = { ...forward, disputes: [...forward.disputes, dispute('d-jan', 'jan', '2027-03-02')] }
    expect(broadbandMonthViews(reversed)).toEqual(broadbandMonthViews(withJan))
    expect(broadbandAccountView(reversed)).toEqual(broadbandAccountView(withJan))
  })
})
