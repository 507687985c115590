import type { Bilingual } from '@/core/membership/types'
import type { IsoWeekday } from '@/core/shared/local-date'
import type { LocalDate, LocalTime } from '@/core/shared/units'

/** The building's hours on one weekday: `opens` inclusive, `closes` exclusive, both in the organisation's zone. */
export interface DayHours {
  opens: LocalTime
  closes: LocalTime
}

/** A date the building is closed whatever its weekday, optionally named ("国庆节"). */
export interface Holiday {
  date: LocalDate
  name?: string
}

/** CONF-8: the agreement every staff account accepts; a new `version` asks everyone again. */
export interface Agreement extends Bilingual {
  version: number
}

/**
 * What every staff role may read about the organisation (none of it is
 * personal data), kept clear in the public database beside the organisation
 * document and written by managers and admins.
 */
export interface OrganisationSettings {
  name: Bilingual
  /** IANA zone every local date and opening time is read in. */
  timeZone: string
  /** ISO weekday ("1" = Monday … "7" = Sunday) → hours; a weekday not listed is closed. */
  hours: Partial<Record<`${IsoWeekday}`, DayHours>>
  holidays: Holiday[]
  /** CONF-7: idle seconds before the screen locks, per device kind. */
  idleLockSeconds: { frontdesk: number; personal: number }
  agreement: Agreement
  /** BB-11: after how many days a member's phone reminds them to change their password (absent: the default, 180). */
  memberPasswordDays?: number
}
