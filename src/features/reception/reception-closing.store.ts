import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { maskEmployer, maskName } from '@/core/access/masking'
import { localDateOf } from '@/core/shared/local-date'
import { onLock } from '@/identity/session.store'
import { closedLastNight, closeForgotten, flaggedAtClosing } from './closing-actions'
import { useReceptionStore } from './reception.store'

/** A visit closed automatically last night, as the desk is shown it: masked (CONF-4), with the note it was closed with. */
export interface ClosedRow {
  id: string
  name: string
  organisation: string
  arrived: number
  closed: number
  note: string
}

/**
 * REC-6 at the desk: today's visits still open after closing time (flagged), and the visits of earlier days
 * closed automatically (shown, never silent). Earlier days are swept once a day per session: when a reception
 * page opens, and again at the day's change while one stays open (`tick`). Forgets it all on lock (CONF-7).
 */
export const useReceptionClosingStore = defineStore('reception-closing', () => {
  const desk = useReceptionStore()
  const flagged = shallowRef<ReadonlySet<string>>(new Set())
  const closesAt = shallowRef<number | undefined>()
  const closed = shallowRef<ClosedRow[]>([])
  let sweptDay: string | undefined
  let flaggedAfterClosing = false
  // One refresh at a time: two sweeps at once on one device would each write a check-out of the same visit.
  let running: Promise<void> = Promise.resolve()

  onLock(() => {
    flagged.value = new Set()
    closesAt.value = undefined
    closed.value = []
    sweptDay = undefined
    flaggedAfterClosing = false
  })

  async function refreshOnce() {
    const ctx = await desk.context()
    const day = localDateOf(ctx.now, ctx.org.timeZone)
    if (day !== sweptDay) {
      const before = sweptDay
      await closeForgotten(ctx)
      closed.value = (await closedLastNight(ctx)).map(({ visit, checkOut }) => ({
        id: visit.id,
        name: maskName(visit.record.name),
        organisation: maskEmployer(visit.record.organisation ?? ''),
        arrived: visit.record.at,
        closed: checkOut.at,
        note: checkOut.note ?? '',
      }))
      sweptDay = day
      // The day changed under an open page: its lists are yesterday's.
      if (before !== undefined) await desk.refreshDay()
    }
    const found = await flaggedAtClosing(ctx)
    flagged.value = new Set(found.flagged)
    closesAt.value = found.closesAt
    flaggedAfterClosing = found.closesAt !== undefined && ctx.now >= found.closesAt
  }

  /** Sweeps earlier days (once a day) and reads today's flags. */
  function refresh(): Promise<void> {
    running = running.catch(() => undefined).then(refreshOnce)
    return running
  }

  /** Called every minute while a reception page is open: acts only when the day changed or closing time came. */
  async function tick() {
    const now = desk.clock.now()
    const dayChanged = sweptDay !== undefined && localDateOf(now, desk.timeZone) !== sweptDay
    const closingCame = closesAt.value !== undefined && now >= closesAt.value && !flaggedAfterClosing
    if (dayChanged || closingCame) await refresh()
  }

  return { flagged, closesAt, closed, refresh, tick }
})
