import { describe, expect, it } from 'vitest'
import { passesFilter, type AuditFilter } from './audit-filter'

const none: AuditFilter = { user: '', action: '', record: '', from: '', to: '' }
// 11:42 UTC on 6 December is 00:42 on 7 December in Auckland.
const row = { at: '2026-12-06T11:42:00.000Z', by: 'u1', action: 'checkin.override' as const, recordIds: ['checkin:1'] }

describe('CONF-6 audit filters: the date fields are days in the organisation’s zone (issue 10)', () => {
  it('an entry shown on 7 December is found by the days of 7 December, not 6', () => {
    expect(passesFilter(row, { ...none, from: '2026-12-07', to: '2026-12-07' }, 'Pacific/Auckland')).toBe(true)
    expect(passesFilter(row, { ...none, from: '2026-12-06', to: '2026-12-06' }, 'Pacific/Auckland')).toBe(false)
  })

  it('the same entry is on 6 December in Shanghai', () => {
    expect(passesFilter(row, { ...none, from: '2026-12-06', to: '2026-12-06' }, 'Asia/Shanghai')).toBe(true)
  })

  it('filters by user, action and record', () => {
    expect(passesFilter(row, { ...none, user: 'u2' }, 'UTC')).toBe(false)
    expect(passesFilter(row, { ...none, action: 'lock' }, 'UTC')).toBe(false)
    expect(passesFilter(row, { ...none, record: ' checkin:1 ' }, 'UTC')).toBe(true)
  })

  it('CONF-6: an entry of a bulk write is found by any record it names', () => {
    const bulk = { ...row, action: 'record.create' as const, recordIds: ['bb-ledger:a', 'bb-ledger:b', 'bb-ledger:c'] }
    expect(passesFilter(bulk, { ...none, record: 'bb-ledger:c' }, 'UTC')).toBe(true)
    expect(passesFilter(bulk, { ...none, record: 'bb-ledger:d' }, 'UTC')).toBe(false)
  })
})
