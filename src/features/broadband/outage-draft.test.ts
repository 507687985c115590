import { describe, expect, it } from 'vitest'
import { checkOutageDraft, type OutageDraft } from './outage-draft'

const tz = 'Asia/Shanghai'
const draft: OutageDraft = {
  accountNos: 'BB-1, BB-2\nBB-3 BB-2',
  area: '',
  start: '2026-04-30T22:00',
  end: '2026-05-02T01:00',
  cause: 'Fibre cut by the builders',
  businessCaused: true,
  promisedBy: '2026-05-01T12:00',
}

describe('BB-6 recording an outage', () => {
  it('BB-6: a complete draft gives the account numbers once each and the instants in the organisation\'s time zone', () => {
    expect(checkOutageDraft(draft, tz)).toEqual({
      ok: true,
      accountNos: ['BB-1', 'BB-2', 'BB-3'],
      start: Date.parse('2026-04-30T22:00:00+08:00'),
      end: Date.parse('2026-05-02T01:00:00+08:00'),
      promisedBy: Date.parse('2026-05-01T12:00:00+08:00'),
    })
  })

  it('BB-6: an end before the start is refused on the end field', () => {
    const result = checkOutageDraft({ ...draft, end: '2026-04-30T21:59' }, tz)
    expect(result).toEqual({ ok: false, problems: { end: 'beforeStart' } })
  })

  it('BB-6: an outage still going has no end; missing accounts, start, cause and promised time are each named', () => {
    expect(checkOutageDraft({ ...draft, end: '' }, tz)).toMatchObject({ ok: true, end: undefined })
    expect(checkOutageDraft({ ...draft, accountNos: ' , ', start: '', cause: ' ', promisedBy: '' }, tz)).toEqual({
      ok: false,
      problems: { accounts: 'required', start: 'required', cause: 'required', promisedBy: 'required' },
    })
  })
})
