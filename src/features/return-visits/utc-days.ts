import { addDaysTo } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'

const utcDay = (instant: number): LocalDate => new Date(instant).toISOString().slice(0, 10)

/**
 * The UTC dates a span of instants touches, and `margin` more on each side: the field realm's `day` index is the
 * UTC date of each record's instant (service-records.ts), so a local day or week is read as these slices and its
 * records kept by instant. The margin is what the lead asked for: a day read is never a record short.
 */
export function utcDaysCovering(span: { start: number; end: number }, margin = 1): LocalDate[] {
  const first = addDaysTo(utcDay(span.start), -margin)
  const last = addDaysTo(utcDay(Math.max(span.start, span.end - 1)), margin)
  const days: LocalDate[] = []
  for (let d = first; d <= last; d = addDaysTo(d, 1)) days.push(d)
  return days
}

/** Every record of the `day` slices `days`, each once (a slice read per day, in parallel). */
export async function onDays<T>(slice: { onDay(day: string): Promise<T[]> }, days: readonly LocalDate[]): Promise<T[]> {
  return (await Promise.all(days.map((d) => slice.onDay(d)))).flat()
}
