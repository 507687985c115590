/** BB-4, BB-9: the dunning steps due on an account on a day. The app proposes them; a person confirms each. */
import type { AgreementState } from './status-fold'
import type { DunningEvent, OpenItem } from './types'
import { sameDayMonthsLater } from '@/core/shared/calendar-month'
import { addDaysTo } from '@/core/shared/local-date'
import type { Fen, LocalDate } from '@/core/shared/units'

/** BB-4: days after the notice an unpaid amount goes on the subscriber's credit record. */
export const creditRecordDays = 6
/** BB-9: days after a violation's suspension to pay or rectify. */
export const violationDays = 3

export type WorkStep =
  | { step: 'notice'; due: LocalDate; overdue: Fen }
  | { step: 'credit-record'; due: LocalDate; noticeOn: LocalDate; overdue: Fen }
  | { step: 'may-suspend'; due: LocalDate; overdue: Fen }
  | { step: 'terminate'; why: 'arrears'; due: LocalDate; overdue: Fen }
  | { step: 'terminate'; why: 'violation'; deadline: LocalDate }

/** BB-9: the last day to pay or rectify after a suspension for a violation on `on`. */
export const violationDeadline = (on: LocalDate): LocalDate => addDaysTo(on, violationDays)

/** BB-3, BB-4: arrears are charges and back-charges unpaid past their due date (a late fee or refund alone is not). */
function overdueOn(items: readonly OpenItem[], today: LocalDate): { due: LocalDate; overdue: Fen } | undefined {
  const overdue = items.filter((i) => (i.kind === 'charge' || i.kind === 'back-charge') && i.outstanding > 0 && i.due < today)
  if (overdue.length === 0) return undefined
  return { due: overdue.reduce((oldest, i) => (i.due < oldest ? i.due : oldest), overdue[0]!.due), overdue: overdue.reduce((sum, i) => sum + i.outstanding, 0) }
}

/** The steps the arrears call for; `due` is the oldest unpaid due date, `overdue` everything unpaid past its due date. */
function arrearsSteps(state: AgreementState, dunning: readonly DunningEvent[], due: LocalDate, overdue: Fen, today: LocalDate): WorkStep[] {
  const steps: WorkStep[] = []
  const forDue = dunning.filter((d) => d.due === due)
  // Two devices may both have given the notice: the first one counts.
  const noticeOn = forDue.filter((d) => d.step === 'notice').reduce<LocalDate | undefined>((first, d) => (first === undefined || d.on < first ? d.on : first), undefined)
  if (noticeOn === undefined) steps.push({ step: 'notice', due, overdue })
  else if (today >= addDaysTo(noticeOn, creditRecordDays) && !forDue.some((d) => d.step === 'credit-record')) steps.push({ step: 'credit-record', due, noticeOn, overdue })
  // "More than one month" and "past two months" as BB-5 counts: from the day after the same day that many months on.
  if (today > sameDayMonthsLater(due, 2)) {
    if (state.status === 'active' || state.status === 'suspended') steps.push({ step: 'terminate', why: 'arrears', due, overdue })
  } else if (today > sameDayMonthsLater(due, 1) && state.status === 'active') steps.push({ step: 'may-suspend', due, overdue })
  return steps
}

/**
 * BB-4, BB-9: what is due on `today`: a notice the day after the oldest unpaid due date (once per due date); a
 * credit-record entry when still unpaid 6 days after that notice; more than one calendar month overdue, the
 * account may be suspended (if active); past two months, it is to be terminated. A suspension for a violation
 * whose deadline has passed is to be terminated too. `items`: the account's open items (ledger-fold.ts).
 */
export function dunningStepsOn(input: { state: AgreementState; items: readonly OpenItem[]; dunning: readonly DunningEvent[]; today: LocalDate }): WorkStep[] {
  const { state, items, dunning, today } = input
  const arrears = overdueOn(items, today)
  const steps = arrears ? arrearsSteps(state, dunning, arrears.due, arrears.overdue, today) : []
  const suspension = state.status === 'suspended' ? state.suspension : undefined
  if (suspension?.reason === 'violation') {
    const deadline = suspension.deadline ?? violationDeadline(suspension.on)
    if (today > deadline) steps.push({ step: 'terminate', why: 'violation', deadline })
  }
  return steps
}
