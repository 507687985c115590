import { describe, expect, it } from 'vitest'
import { instantOf } from '@/core/shared/local-date'
import { defaultCategoryIds, defaultPlaceIds } from './defaults'
import { printableBadge } from './printable-badge'
import { days, org } from './test-fixtures'
import type { Badge, Visit } from './types'

const at = (day: string, time: string) => instantOf(day, time, org.timeZone)
const registeredAt = at(days.wednesday, '10:00')

const visit = (badge: Badge, change: Partial<Visit> = {}): Visit => ({
  personId: 'person-1',
  name: '孙听课',
  category: defaultCategoryIds.supplier,
  purpose: '听课交流',
  hostId: 'host-1',
  reception: { level: 'normal', place: defaultPlaceIds.academicArea, hospitality: 'water', receivedBy: 'host-or-colleague' },
  badge,
  at: registeredAt,
  day: days.wednesday,
  deviceId: 'tablet-1',
  by: 'desk-1',
  ...change,
})

const waiting = visit({ issued: false, why: 'needs-approval' })

describe('REC-5 the badge of a visit to the restricted area, once the principal has approved', () => {
  it('REC-5: without the approval there is no badge to print', () => {
    expect(printableBadge(waiting, undefined, org)).toEqual({ printable: false, why: 'needs-approval' })
  })

  it('REC-5: once the approval has reached the desk the badge prints, good until the building closes on the day of the approval', () => {
    expect(printableBadge(waiting, at(days.wednesday, '10:05'), org)).toEqual({ printable: true, expiresAt: at(days.wednesday, '18:00') })
  })

  it('REC-4, REC-5: approved after closing, the badge is good until the end of that local day', () => {
    expect(printableBadge(waiting, at(days.wednesday, '18:30'), org)).toEqual({ printable: true, expiresAt: at('2027-09-30', '00:00') })
  })

  it('REC-4: a visit that got its badge at registration keeps that badge’s expiry', () => {
    const expiresAt = at(days.wednesday, '18:00')
    expect(printableBadge(visit({ issued: true, serial: 's1', expiresAt }), undefined, org)).toEqual({ printable: true, expiresAt })
  })

  it('REC-4, REC-5: an approval gives no badge to a visitor who gets none for another reason, nor to a refused one', () => {
    const approvedAt = at(days.wednesday, '10:05')
    expect(printableBadge(visit({ issued: false, why: 'high-level' }), approvedAt, org)).toEqual({ printable: false, why: 'high-level' })
    expect(printableBadge(visit({ issued: false, why: 'applicant' }), approvedAt, org)).toEqual({ printable: false, why: 'applicant' })
    const refused = visit({ issued: false, why: 'needs-approval' }, { refused: { reason: '无预约' } })
    expect(printableBadge(refused, approvedAt, org)).toEqual({ printable: false, why: 'refused' })
  })
})
