/**
 * SVC-4: how a return visit stands at `now`, for the list: due up to and at its deadline (the rule's
 * `returnVisitStanding`), overdue from the millisecond after. Time left rounds down to the minute and time over up,
 * so the list never says "0 min over" for an overdue visit, nor more time than there is.
 */
export type VisitStanding = { overdue: false; hours: number; minutes: number } | { overdue: true; hours: number; minutes: number }

const minuteMs = 60_000

export function visitStanding(deadline: number, now: number): VisitStanding {
  const overdue = now > deadline
  const whole = overdue ? Math.ceil((now - deadline) / minuteMs) : Math.floor((deadline - now) / minuteMs)
  return { overdue, hours: Math.floor(whole / 60), minutes: whole % 60 }
}
