/** REC-1: an expected visitor is called off (the host cancels the appointment): kept, marked, gone from the day's list. */
import type { ExpectedVisit } from './types'

/** Who asks: their user id, and whether they work the reception desk (`reception.desk`). */
export interface CallingOff {
  userId: string
  deskUser: boolean
}

export type CallOffProblem = 'not-allowed' | 'arrived' | 'cancelled'

/**
 * The desk, or the host who pre-registered the visitor, may call the visit off while it is still to come. The
 * record is kept and marked (`cancelled`), never removed: the change is audited and syncs like any other.
 */
export function callOffExpected(expected: ExpectedVisit, who: CallingOff): { ok: true; record: ExpectedVisit } | { ok: false; problem: CallOffProblem } {
  if (!who.deskUser && who.userId !== expected.by) return { ok: false, problem: 'not-allowed' }
  if (expected.arrivedVisitId) return { ok: false, problem: 'arrived' }
  if (expected.cancelled) return { ok: false, problem: 'cancelled' }
  return { ok: true, record: { ...expected, cancelled: true } }
}
