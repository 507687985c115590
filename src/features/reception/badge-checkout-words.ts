import type { BadgeCheckOutProblem } from './badge-actions'

/** Why a badge scan checked nobody out, as the desk shows it: the action's reasons, or the save itself failing. */
export type BadgeCheckOutAnswerProblem = BadgeCheckOutProblem | 'failed'

// The badge's own reasons are the visitor badge's words (badge.messages.ts); the visit's state and a member card are
// the desk's. A Record, so a new reason in badge-actions.ts does not compile until it has words.
const problemKeys = {
  'not-a-badge': 'visitorBadge.reasons.not-a-badge',
  forged: 'visitorBadge.reasons.forged',
  'unknown-key': 'visitorBadge.reasons.unknown-key',
  expired: 'visitorBadge.reasons.expired',
  'retired-key': 'visitorBadge.reasons.retired-key',
  'member-card': 'reception.badgeCheckout.problems.member-card',
  'unknown-visit': 'reception.badgeCheckout.problems.unknown-visit',
  refused: 'reception.badgeCheckout.problems.refused',
  'already-out': 'reception.badgeCheckout.problems.already-out',
  failed: 'reception.badgeCheckout.problems.failed',
} as const satisfies Record<BadgeCheckOutAnswerProblem, string>

export const badgeCheckOutProblems = Object.keys(problemKeys) as BadgeCheckOutAnswerProblem[]

/** The message key for a refusal (`expired` takes `{time}`: when the badge stopped being good). */
export function badgeCheckOutProblemKey(problem: BadgeCheckOutAnswerProblem): string {
  return problemKeys[problem]
}
