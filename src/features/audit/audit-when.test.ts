import { describe, expect, it } from 'vitest'
import { supportedLocales } from '@/core/shared/locale'
import { formatTime } from '@/features/members/format'
import { auditWhen } from './audit-when'

// A zone that differs from the machine's, so a time formatted in the machine's zone shows up.
const machineZone = Intl.DateTimeFormat().resolvedOptions().timeZone
const zone = machineZone === 'Pacific/Auckland' ? 'America/Los_Angeles' : 'Pacific/Auckland'

describe('issue 10: every time shown to a person is in the organisation’s zone', () => {
  for (const locale of supportedLocales) {
    it(`the audit log and the check-in list show the same check-in at the same time (${zone}, ${locale})`, () => {
      const checkedInAt = '2026-12-06T11:42:00.000Z'
      const inList = formatTime(Date.parse(checkedInAt), zone, locale)
      expect(auditWhen(checkedInAt, zone, locale)).toContain(inList)
    })
  }

  it('the audit row carries the date in the organisation’s zone (Auckland is already on the next day)', () => {
    expect(auditWhen('2026-12-06T11:42:00.000Z', 'Pacific/Auckland', 'en')).toMatch(/7/)
    expect(auditWhen('2026-12-06T11:42:00.000Z', 'Pacific/Auckland', 'en')).not.toMatch(/\b6\b/)
  })

  it('an entry with no readable time shows nothing', () => {
    expect(auditWhen('', zone, 'en')).toBe('')
  })
})
