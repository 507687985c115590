import { passwordReminderDays } from '@/core/self-service/signin'
import type { Bilingual } from '@/core/membership/types'
import type { IsoWeekday } from '@/core/shared/local-date'
import type { OrganisationSettings } from '@/core/organisation/types'

/** One weekday's row of the form: closed days keep their times, so ticking "open" again brings them back. */
export interface DayDraft {
  weekday: IsoWeekday
  open: boolean
  opens: string
  closes: string
}

/** The settings form as typed: numbers stay text until saving, so a half-typed value is not lost. */
export interface OrganisationDraft {
  name: Bilingual
  timeZone: string
  days: DayDraft[]
  holidays: { date: string; name: string }[]
  idleLock: { frontdesk: string; personal: string }
  /** BB-11: days before a member is reminded to change their password. */
  memberPasswordDays: string
  agreement: Bilingual
  /** Shown, never edited: a save gives a changed text the next version. */
  agreementVersion: number
}

const weekdays: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7]

export function toDraft(s: OrganisationSettings): OrganisationDraft {
  return {
    name: { ...s.name },
    timeZone: s.timeZone,
    days: weekdays.map((weekday) => {
      const day = s.hours[`${weekday}`]
      return { weekday, open: day !== undefined, opens: day?.opens ?? '09:00', closes: day?.closes ?? '21:00' }
    }),
    holidays: s.holidays.map((h) => ({ date: h.date, name: h.name ?? '' })),
    idleLock: { frontdesk: String(s.idleLockSeconds.frontdesk), personal: String(s.idleLockSeconds.personal) },
    memberPasswordDays: String(s.memberPasswordDays ?? passwordReminderDays),
    agreement: { 'zh-CN': s.agreement['zh-CN'], en: s.agreement.en },
    agreementVersion: s.agreement.version,
  }
}

/** The settings a draft stands for; whether they may be saved is core's check (`checkOrganisationSettings`). */
export function fromDraft(d: OrganisationDraft): OrganisationSettings {
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))
  return {
    name: { 'zh-CN': d.name['zh-CN'].trim(), en: d.name.en.trim() },
    timeZone: d.timeZone,
    hours: Object.fromEntries(d.days.filter((day) => day.open).map((day) => [`${day.weekday}`, { opens: day.opens, closes: day.closes }])),
    holidays: d.holidays.map((h) => ({ date: h.date, ...(h.name.trim() ? { name: h.name.trim() } : {}) })),
    idleLockSeconds: { frontdesk: number(d.idleLock.frontdesk), personal: number(d.idleLock.personal) },
    memberPasswordDays: number(d.memberPasswordDays),
    agreement: { version: d.agreementVersion, 'zh-CN': d.agreement['zh-CN'], en: d.agreement.en },
  }
}

/** The zones to choose from: the runtime's IANA list, with the current one kept even when the list lacks it (`UTC` in some engines). */
export function timeZoneChoices(current: string, supported: readonly string[]): string[] {
  return supported.includes(current) ? [...supported] : [current, ...supported]
}
