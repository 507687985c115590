import { describe, expect, it } from 'vitest'
import { checkNoticeDraft, type NoticeDraft } from './notice-draft'

const tz = 'Asia/Shanghai'
const now = Date.parse('2026-12-07T10:00:00+08:00')
const maintenance: NoticeDraft = {
  kind: 'maintenance', title: 'Switch upgrade', body: 'Two hours without service.', startsAt: '2026-12-09T10:00', endsAt: '2026-12-09T12:00', effectiveOn: '',
  who: 'all', accountNos: '', channels: ['sms'],
}

describe('BB-8, BB-13 writing a notice', () => {
  it('BB-8: maintenance 48 hours ahead is accepted, with its instants in the organisation\'s time zone', () => {
    expect(checkNoticeDraft(maintenance, now, tz)).toEqual({
      ok: true,
      notice: { kind: 'maintenance', title: 'Switch upgrade', body: 'Two hours without service.', channels: ['sms'], startsAt: Date.parse('2026-12-09T10:00:00+08:00'), endsAt: Date.parse('2026-12-09T12:00:00+08:00') },
      accountNos: undefined,
    })
  })

  it('BB-8: 47 hours of lead time is refused on the start field, saying the earliest start allowed', () => {
    expect(checkNoticeDraft({ ...maintenance, startsAt: '2026-12-09T09:00' }, now, tz)).toEqual({
      ok: false,
      problems: { startsAt: { problem: 'leadTooShort', earliest: Date.parse('2026-12-09T10:00:00+08:00') } },
    })
  })

  it('BB-8, BB-13: no channel, an end before the start, a listed notice without accounts are each refused on their field', () => {
    expect(checkNoticeDraft({ ...maintenance, channels: [], endsAt: '2026-12-09T09:59', who: 'listed' }, now, tz)).toEqual({
      ok: false,
      problems: { channels: { problem: 'channel' }, endsAt: { problem: 'endBeforeStart' }, accountNos: { problem: 'required' } },
    })
  })

  it('BB-13: a change of terms needs a day after today it applies from; listed accounts are read once each', () => {
    const terms: NoticeDraft = { ...maintenance, kind: 'terms', startsAt: '', endsAt: '', effectiveOn: '2026-12-07', who: 'listed', accountNos: 'BB-1, BB-2 BB-1' }
    expect(checkNoticeDraft(terms, now, tz)).toEqual({ ok: false, problems: { effectiveOn: { problem: 'effectivePast' } } })
    expect(checkNoticeDraft({ ...terms, effectiveOn: '2027-01-01' }, now, tz)).toEqual({
      ok: true,
      notice: { kind: 'terms', title: 'Switch upgrade', body: 'Two hours without service.', channels: ['sms'], effectiveOn: '2027-01-01' },
      accountNos: ['BB-1', 'BB-2'],
    })
  })
})
