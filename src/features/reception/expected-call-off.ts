import { callOffExpected as decideCallOff, type CallOffProblem } from '@/core/reception/call-off'
import type { ReceptionContext } from './reception-actions'

/**
 * REC-1: an expected visitor called off (the expected page's "Call off"). The record is written back marked, so the
 * records kit audits the change (CONF-6) and sync carries it to the other tablets; today's list leaves it out.
 * `deskUser`: the caller holds `reception.desk` (else only the host who pre-registered may).
 */
export async function callOffExpected(ctx: ReceptionContext, expectedId: string, deskUser: boolean): Promise<{ ok: true } | { ok: false; problem: CallOffProblem | 'unknown' }> {
  const expected = await ctx.records.expected.get(expectedId)
  if (!expected) return { ok: false, problem: 'unknown' }
  const decided = decideCallOff(expected, { userId: ctx.userId, deskUser })
  if (!decided.ok) return decided
  await ctx.records.expected.put(decided.record, expectedId)
  return { ok: true }
}
