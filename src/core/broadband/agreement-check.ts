/** BB-1, BB-3, BB-12: what an agreement draft lacks, what arrears block, and when notice to end may be given. */
import type { Agreement } from './types'
import { addDaysTo } from '@/core/shared/local-date'
import { normaliseMemberNo } from '@/core/shared/normalise'
import type { LocalDate } from '@/core/shared/units'

/** The typed fields of an agreement (who created it and when are stamped on save). */
export type AgreementDraft = Omit<Agreement, 'createdAt' | 'createdBy'>

export type AgreementProblem =
  | 'account-no-required'
  | 'account-no-format'
  | 'account-name-required'
  | 'subscriber-required'
  | 'plan-name-required'
  | 'fee-not-positive'
  | 'single-port-fee-negative'
  | 'cycle-end-before-start'
  | 'agent-name-required'
  | 'agent-id-required'
  | 'agent-authorisation-required'

/**
 * An account number as typed (after NFKC, trim, upper case: how the blind index reads it): 4 to 32 letters, digits
 * and hyphens, starting with a letter or digit. Narrow on purpose: it is looked up by blind index, so two spellings
 * of one number must not both be allowed in.
 */
const accountNoPattern = /^[0-9A-Z][0-9A-Z-]{3,31}$/

const blank = (s: string | undefined): boolean => (s ?? '').trim() === ''
const wholeFen = (n: number): boolean => Number.isSafeInteger(n)

function planProblem(plan: AgreementDraft['plan']): AgreementProblem | undefined {
  if (blank(plan.name)) return 'plan-name-required'
  if (!wholeFen(plan.monthlyFee) || plan.monthlyFee <= 0) return 'fee-not-positive'
  if (!wholeFen(plan.singlePortFee) || plan.singlePortFee < 0) return 'single-port-fee-negative'
  return undefined
}

function agentProblem(agent: AgreementDraft['agent']): AgreementProblem | undefined {
  if (!agent) return undefined
  if (blank(agent.name)) return 'agent-name-required'
  if (blank(agent.idNumber)) return 'agent-id-required'
  if (blank(agent.authorisation)) return 'agent-authorisation-required'
  return undefined
}

/** BB-1: the problems of a draft, one per field (the first that applies), for the screen to show next to it. */
export function checkAgreementDraft(draft: AgreementDraft): Partial<Record<keyof AgreementDraft | 'agent', AgreementProblem>> {
  const problems: Partial<Record<keyof AgreementDraft | 'agent', AgreementProblem>> = {}
  if (blank(draft.accountNo)) problems.accountNo = 'account-no-required'
  else if (!accountNoPattern.test(normaliseMemberNo(draft.accountNo))) problems.accountNo = 'account-no-format'
  if (blank(draft.accountName)) problems.accountName = 'account-name-required'
  if (blank(draft.subscriberId)) problems.subscriberId = 'subscriber-required'
  const plan = planProblem(draft.plan)
  if (plan) problems.plan = plan
  if (draft.cycleEnd < draft.cycleStart) problems.cycleEnd = 'cycle-end-before-start'
  const agent = agentProblem(draft.agent)
  if (agent) problems.agent = agent
  return problems
}

export type AccountAction = 'payment' | 'fault-report' | 'plan-change' | 'transfer' | 'service-request' | 'reactivate'

/** BB-3: in arrears only payment and a fault report are allowed. */
export function arrearsAllows(action: AccountAction, inArrears: boolean): { allowed: true } | { allowed: false; reason: 'arrears' } {
  if (!inArrears || action === 'payment' || action === 'fault-report') return { allowed: true }
  return { allowed: false, reason: 'arrears' }
}

/** BB-12: days before the cycle ends within which written notice may be given. */
export const noticeWindowDays = 30

/**
 * BB-12: written notice to end the agreement only within the 30 days before the cycle ends: from 30 days before
 * `cycleEnd` up to and including it. Before: too early; after: the cycle has ended.
 */
export function noticeWindow(cycleEnd: LocalDate, today: LocalDate): { open: boolean; opensOn: LocalDate; closesOn: LocalDate; why?: 'too-early' | 'cycle-ended' } {
  const opensOn = addDaysTo(cycleEnd, -noticeWindowDays)
  const closesOn = cycleEnd
  if (today < opensOn) return { open: false, opensOn, closesOn, why: 'too-early' }
  if (today > closesOn) return { open: false, opensOn, closesOn, why: 'cycle-ended' }
  return { open: true, opensOn, closesOn }
}
