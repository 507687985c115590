import { closeForgottenVisits, openVisitsAtClosing } from '@/core/reception/closing'
import { lastNightDays, sweepDays } from '@/core/reception/closing-window'
import type { Visit, VisitCheckOut } from '@/core/reception/types'
import { localDateOf } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'
import type { Stored } from '@/storage/sealed-repo'
import type { ReceptionContext } from './reception-actions'

/**
 * REC-6: how many days before today the desk reads (two day slices each) for visits left open. Two weeks:
 * longer than the longest closure the building has (Spring Festival, Golden Week, each about a week), so a
 * desk reopening after one still closes what was left open before it; short enough that opening the page
 * reads a few dozen small slices, never the realm. A visit older than that stays open (decided: it is not
 * closed with a check-out time nobody can vouch for; it is in its visitor's history, found by phone).
 */
export const forgottenWindowDays = 14

const today = (ctx: ReceptionContext): LocalDate => localDateOf(ctx.now, ctx.org.timeZone)

/** The visits of `visitDays` and the check-outs that can close them: written on those days or since, up to today. */
async function slices(ctx: ReceptionContext, visitDays: LocalDate[]) {
  const checkOutDays = [...visitDays, today(ctx)].filter((d, i, all) => all.indexOf(d) === i)
  const [visits, checkOuts] = await Promise.all([
    Promise.all(visitDays.map((d) => ctx.records.visits.onDay(d))),
    Promise.all(checkOutDays.map((d) => ctx.records.checkOuts.onDay(d))),
  ])
  return { visits: visits.flat(), checkOuts: checkOuts.flat() }
}

/** REC-6: today's visits still open once today's closing time has passed, and when that is (none on a holiday). */
export async function flaggedAtClosing(ctx: ReceptionContext): Promise<{ flagged: string[]; closesAt?: number }> {
  const { visits, checkOuts } = await slices(ctx, [today(ctx)])
  return openVisitsAtClosing(visits, checkOuts.map((c) => c.record), ctx.now, ctx.org)
}

/**
 * REC-6: closes the visits of the window's days still open, each with a check-out at that day's closing time
 * and the note, all in one write, each audited (`reception.auto-checkout`); returns the visits it closed. A random id each, like any event: two offline
 * tablets closing the same visit write two check-outs of it, both kept (test/sync/reception-closing.test.ts says
 * why not one id for both: the server refuses the second create, and its tablet flags a rival version as tampering).
 */
export async function closeForgotten(ctx: ReceptionContext): Promise<string[]> {
  const days = sweepDays(today(ctx), forgottenWindowDays)
  // Check-outs from the first day of the window to today: a visit is never checked out before it came.
  const { visits, checkOuts } = await slices(ctx, days)
  const toWrite = closeForgottenVisits(visits, checkOuts.map((c) => c.record), ctx.now, ctx.org, ctx.userId, ctx.deviceId)
  if (toWrite.length) await ctx.records.checkOuts.addMany(toWrite)
  // CONF-6: one entry per visit closed (not per run), so the log names each visit a desk closed without a person
  // seeing the visitor leave, and the day it was closed for; the note and the visitor stay sealed in the records.
  for (const c of toWrite) await ctx.audit.append({ action: 'reception.auto-checkout', by: ctx.userId, recordId: c.visitId, recordType: 'visit', detail: c.day })
  return toWrite.map((c) => c.visitId)
}

/** REC-6: the visits closed automatically since the building last closed, with their check-out, oldest first. */
export async function closedLastNight(ctx: ReceptionContext): Promise<{ visit: Stored<Visit>; checkOut: VisitCheckOut }[]> {
  const days = lastNightDays(today(ctx), ctx.org, forgottenWindowDays)
  const { visits, checkOuts } = await slices(ctx, days)
  const closing = new Map<string, VisitCheckOut>()
  // Two tablets that closed one visit offline wrote two check-outs of it: it is shown once.
  for (const c of checkOuts) if (c.record.how === 'closing' && !closing.has(c.record.visitId)) closing.set(c.record.visitId, c.record)
  return visits
    .filter((v) => closing.has(v.id))
    .map((v) => ({ visit: v, checkOut: closing.get(v.id)! }))
    .sort((a, b) => a.visit.record.at - b.visit.record.at)
}
