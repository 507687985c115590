/** Shared fixtures of the reception tests: an organisation whose hours and holidays the tests can name. */
import type { OrganisationSettings } from '@/core/organisation/types'

/** Shanghai; weekdays 09:00–18:00, Saturday 10:00–16:00, closed on Sunday; 2027-10-01 (National Day) a holiday. */
export const org: Pick<OrganisationSettings, 'timeZone' | 'hours' | 'holidays'> = {
  timeZone: 'Asia/Shanghai',
  hours: {
    '1': { opens: '09:00', closes: '18:00' },
    '2': { opens: '09:00', closes: '18:00' },
    '3': { opens: '09:00', closes: '18:00' },
    '4': { opens: '09:00', closes: '18:00' },
    '5': { opens: '09:00', closes: '18:00' },
    '6': { opens: '10:00', closes: '16:00' },
  },
  holidays: [{ date: '2027-10-01', name: '国庆节' }],
}

/** A Wednesday, a Saturday, a Sunday and the holiday (a Friday). */
export const days = { wednesday: '2027-09-29', saturday: '2027-10-02', sunday: '2027-10-03', holiday: '2027-10-01' } as const
