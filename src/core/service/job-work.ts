/**
 * SVC-3: a technician's work on a job, on their phone: where the job stands, the minutes it took, what a part row
 * must hold, and when a job may be finished. Elapsed time throughout: a job from 23:40 to 00:20, or across a
 * daylight-saving change, took 40 minutes of real time, so no zone is needed.
 */
import { withinLimit } from '@/core/shared/text-limits'
import type { Job, JobWork, Part } from './types'

/** SVC-3: on the phone a job is new (not started), started, or finished (and waits for the office to take it in). */
export type JobStage = 'new' | 'started' | 'finished'

export function jobStage(work: Pick<JobWork, 'startedAt' | 'finishedAt'> | undefined): JobStage {
  if (work?.finishedAt !== undefined) return 'finished'
  return work?.startedAt !== undefined ? 'started' : 'new'
}

const minuteMs = 60_000

/** SVC-3: the whole minutes from `startedAt` to `at`, a minute begun counting as one (started and finished at once: 0). */
export function elapsedMinutes(startedAt: number, at: number): number {
  return Math.max(0, Math.ceil((at - startedAt) / minuteMs))
}

/**
 * SVC-3: the minutes a finished job records: the technician's own figure when they gave one (more than 0: they
 * know when they stopped for parts), else start to finish.
 */
export function minutesAtFinish(work: Pick<JobWork, 'startedAt' | 'minutes'>, finishedAt: number): number {
  if (work.minutes > 0) return work.minutes
  return work.startedAt === undefined ? 0 : elapsedMinutes(work.startedAt, finishedAt)
}

/** A week of minutes: more on one job is a typing mistake. */
export const maxJobMinutes = 7 * 24 * 60
/** The most of one part a job uses. */
export const maxPartQty = 9_999
/** A part's name (a model number and a few words). */
export const maxPartName = 100

export type MinutesProblem = 'minutes-invalid'

/** SVC-3: minutes as typed: whole, 0 to a week; '' is 0 (not given: start to finish is used). */
export function checkMinutes(text: string): { ok: true; minutes: number } | { ok: false; problem: MinutesProblem } {
  const trimmed = text.normalize('NFKC').trim()
  if (trimmed === '') return { ok: true, minutes: 0 }
  if (!/^\d{1,6}$/.test(trimmed)) return { ok: false, problem: 'minutes-invalid' }
  const minutes = Number(trimmed)
  return minutes <= maxJobMinutes ? { ok: true, minutes } : { ok: false, problem: 'minutes-invalid' }
}

export type PartProblem = 'name-missing' | 'name-too-long' | 'qty-invalid'

/**
 * SVC-3: a part row as typed: a name and a quantity above 0, at most two decimals (1.5 m of cable), up to
 * `maxPartQty`. A row left wholly empty is no part (`null`), not a problem.
 */
export function checkPart(row: { name: string; qty: string }): { ok: true; part: Part | null } | { ok: false; problems: PartProblem[] } {
  const name = row.name.trim()
  const qtyText = row.qty.normalize('NFKC').trim()
  if (!name && !qtyText) return { ok: true, part: null }
  const problems: PartProblem[] = []
  if (!name) problems.push('name-missing')
  else if (!withinLimit(name, maxPartName)) problems.push('name-too-long')
  const qty = /^\d+(\.\d{1,2})?$/.test(qtyText) ? Number(qtyText) : Number.NaN
  if (!(qty > 0 && qty <= maxPartQty)) problems.push('qty-invalid')
  return problems.length ? { ok: false, problems } : { ok: true, part: { name, qty } }
}

export type FinishProblem = 'already-finished' | 'not-started' | 'work-done-missing' | 'charge-missing' | 'signature-missing'

/**
 * SVC-3: may the job be finished? It must have been started, say what work was done, carry the charge when it is a
 * paid job (kind a; 0 is a charge: a paid job may end free of charge, but someone must say so), and the customer
 * must have signed. Every problem at once, so the technician fixes them in one go; a finished job is not finished again.
 */
export function checkFinish(job: Pick<Job, 'kind'>, work: JobWork | undefined, signed: boolean): { ok: true } | { ok: false; problems: FinishProblem[] } {
  if (work?.finishedAt !== undefined) return { ok: false, problems: ['already-finished'] }
  const problems: FinishProblem[] = []
  if (work?.startedAt === undefined) problems.push('not-started')
  if (!work?.workDone.trim()) problems.push('work-done-missing')
  if (job.kind === 'a' && work?.chargeFen === undefined) problems.push('charge-missing')
  if (!signed) problems.push('signature-missing')
  return problems.length ? { ok: false, problems } : { ok: true }
}
