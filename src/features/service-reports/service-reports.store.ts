import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { DailyCounts } from '@/core/service/reports'
import { weekOf } from '@/core/service/reports'
import { addDaysTo, localDateOf } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'
import { useOrganisationStore } from '@/features/organisation-settings/organisation.store'
import { createServiceRecords, type ServiceRecords } from '@/features/service/service-records'
import { useLobbyStorage } from '@/identity/device-storage'
import { PermissionError } from '@/identity/session'
import { onLock, useSessionStore } from '@/identity/session.store'
import { dailyCountsOn, weekFigures, type WeekFigures } from './report-actions'

export type { WeekFigures }

/** How many weeks back the report's week can be chosen. */
export const weeksOffered = 12

/**
 * SVC-5, the lead's reports: a day's counts and a week's satisfaction report, in the organisation's local days.
 * Reads the `day` slices around the day or week (and the requests those name), never the realm; counts only, no
 * customer's data; forgotten on lock (CONF-7).
 */
export const useServiceReportsStore = defineStore('service-reports', () => {
  const storage = useLobbyStorage()
  const session = useSessionStore()
  const organisation = useOrganisationStore()
  let records: ServiceRecords | undefined
  const clock = { now: () => Date.now() }
  const daily = shallowRef<{ day: LocalDate; counts: DailyCounts }>()
  const week = shallowRef<WeekFigures & { madeAt: number }>()

  onLock(() => {
    records = undefined
    daily.value = undefined
    week.value = undefined
  })

  function context(): ServiceRecords {
    if (!session.can('field.dispatch')) throw new PermissionError('field.dispatch')
    return (records ??= createServiceRecords(storage.recordContext))
  }

  const timeZone = () => organisation.timeZone
  const today = (): LocalDate => localDateOf(clock.now(), timeZone())
  /** The Mondays of the weeks offered, this week first. */
  const weeks = (): LocalDate[] => {
    const monday = weekOf(clock.now(), timeZone())
    return Array.from({ length: weeksOffered }, (_, i) => addDaysTo(monday, -7 * i))
  }

  async function loadDay(day: LocalDate) {
    const counts = await dailyCountsOn(context(), day, timeZone())
    daily.value = { day, counts }
  }

  async function loadWeek(weekStart: LocalDate) {
    const now = clock.now()
    week.value = { ...(await weekFigures(context(), weekStart, timeZone(), now)), madeAt: now }
  }

  return { daily, week, clock, timeZone, today, weeks, loadDay, loadWeek }
})
