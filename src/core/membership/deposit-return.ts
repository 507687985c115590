import type { Fen } from './types'

export type DepositReturnProblem = 'nothing-held' | 'more-than-held' | 'reason-required'

/**
 * MEM-6: a deposit goes back whole, or with part kept for a reason; what is
 * refunded and what is kept add up to what is held, never more or less.
 */
export function checkDepositReturn(held: Fen, refunded: Fen, kept: Fen, reason: string): DepositReturnProblem | undefined {
  if (held <= 0) return 'nothing-held'
  if (refunded < 0 || kept < 0 || refunded + kept !== held) return 'more-than-held'
  if (kept > 0 && !reason.trim()) return 'reason-required'
  return undefined
}
