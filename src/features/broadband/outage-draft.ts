import { instantOf, isLocalDate, isLocalTime } from '@/core/shared/local-date'

/** The outage form as typed: account numbers (any separators), times as `datetime-local` values. */
export interface OutageDraft {
  accountNos: string
  area: string
  start: string
  /** Empty while the outage lasts. */
  end: string
  cause: string
  businessCaused: boolean
  promisedBy: string
}

export type OutageField = 'accounts' | 'start' | 'end' | 'cause' | 'promisedBy'
export type OutageFieldProblem = 'required' | 'beforeStart'

export type CheckedOutage =
  | { ok: true; accountNos: string[]; start: number; end: number | undefined; promisedBy: number }
  | { ok: false; problems: Partial<Record<OutageField, OutageFieldProblem>> }

/** A `datetime-local` value ("2026-04-30T22:00") as an instant in `tz`; undefined when empty or malformed. */
export function instantOfLocal(value: string, tz: string): number | undefined {
  const [date = '', time = ''] = value.split('T')
  const hm = time.slice(0, 5)
  return isLocalDate(date) && isLocalTime(hm) ? instantOf(date, hm, tz) : undefined
}

/** BB-6: what is wrong with each field of an outage draft, or the outage's accounts and instants; an end before the start is refused. */
export function checkOutageDraft(draft: OutageDraft, tz: string): CheckedOutage {
  const accountNos = [...new Set(draft.accountNos.split(/[\s,，;；、]+/).filter(Boolean))]
  const start = instantOfLocal(draft.start, tz)
  const end = draft.end.trim() ? instantOfLocal(draft.end, tz) : undefined
  const promisedBy = instantOfLocal(draft.promisedBy, tz)
  const problems: Partial<Record<OutageField, OutageFieldProblem>> = {}
  if (!accountNos.length) problems.accounts = 'required'
  if (start === undefined) problems.start = 'required'
  if (draft.end.trim() && end === undefined) problems.end = 'required'
  else if (end !== undefined && start !== undefined && end <= start) problems.end = 'beforeStart'
  if (!draft.cause.trim()) problems.cause = 'required'
  if (promisedBy === undefined) problems.promisedBy = 'required'
  if (Object.keys(problems).length || start === undefined || promisedBy === undefined) return { ok: false, problems }
  return { ok: true, accountNos, start, end, promisedBy }
}
