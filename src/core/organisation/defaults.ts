import { defaultAgreement, defaultIdleLockSeconds } from '@/core/access/agreement'
import type { IsoWeekday } from '@/core/shared/local-date'
import { passwordReminderDays } from '@/core/self-service/signin'
import { firstAgreementVersion } from './agreement-version'
import { fallbackTimeZone, isTimeZone } from './time-zone'
import type { DayHours, OrganisationSettings } from './types'

const everyDay: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7]

/** What the organisation-document settings of before held (CONF-7 idle lock, CONF-8 agreement text). */
export interface LegacyOrgSettings {
  agreement: { 'zh-CN': string; en: string }
  idleLockSeconds: { frontdesk: number; personal: number }
}

/**
 * The settings of an organisation that has saved none: a name still to give, the zone given
 * (the founding device's, or the desk's stored one), the building open 09:00–21:00 every day,
 * and the idle lock and agreement the organisation document carried until now, as version 1.
 */
export function defaultOrganisationSettings(timeZone: string | undefined, legacy?: LegacyOrgSettings): OrganisationSettings {
  const hours: DayHours = { opens: '09:00', closes: '21:00' }
  return {
    name: { 'zh-CN': '', en: '' },
    timeZone: timeZone && isTimeZone(timeZone) ? timeZone : fallbackTimeZone,
    hours: Object.fromEntries(everyDay.map((d) => [`${d}`, { ...hours }])),
    holidays: [],
    idleLockSeconds: { ...(legacy?.idleLockSeconds ?? defaultIdleLockSeconds) },
    agreement: { version: firstAgreementVersion, ...(legacy?.agreement ?? defaultAgreement) },
    memberPasswordDays: passwordReminderDays,
  }
}
