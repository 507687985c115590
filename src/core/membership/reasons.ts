import { textLimits, withinLimit } from '@/core/shared/text-limits'

export type ReasonProblem = 'reason-required' | 'reason-too-long'

/**
 * MEM-3/MEM-6/MEM-9: the reason staff give for a suspension, a blacklisting or a deposit kept:
 * there must be one, and it is a sentence or two (it is shown in lists and the audit trail).
 */
export function checkReason(reason: string): ReasonProblem | undefined {
  if (reason.trim() === '') return 'reason-required'
  return withinLimit(reason.trim(), textLimits.reason) ? undefined : 'reason-too-long'
}
