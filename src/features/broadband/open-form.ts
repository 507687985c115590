import { checkAgreementDraft } from '@/core/broadband/agreement-check'
import type { Plan, SubscriberAgent } from '@/core/broadband/types'
import type { LocalDate } from '@/core/shared/units'
import { positiveYuan } from './yuan-field'

/** The open-account form as typed: every field a string, fees in yuan. */
export interface OpenFormText {
  subscriberId: string
  agentName: string
  agentIdNumber: string
  agentAuthorisation: string
  accountNo: string
  accountName: string
  planName: string
  monthlyFee: string
  singlePortFee: string
  cycleStart: string
  cycleEnd: string
}

export type OpenFormProblem = 'required' | 'fee-not-positive' | 'fee-format' | 'cycle-order' | 'account-no-format' | 'account-no-taken'
export type OpenFormProblems = Partial<Record<keyof OpenFormText, OpenFormProblem>>

/** What an agreement is opened from (the particulars an agent types; who and when are added by the save). */
export interface AgreementDraft {
  subscriberId: string
  agent?: SubscriberAgent
  accountNo: string
  accountName: string
  plan: Plan
  cycleStart: LocalDate
  cycleEnd: LocalDate
}

/**
 * BB-1: the open-account form read into a draft, or every problem at once, each keyed by its field so the page
 * shows it there. A fee of 0 or less is refused; an agent is all or nothing (name, ID number, authorisation).
 * Whether the account number is free is the save's question (it needs the blind index).
 */
export function readOpenForm(f: OpenFormText): { ok: true; draft: AgreementDraft } | { ok: false; problems: OpenFormProblems } {
  const problems: OpenFormProblems = {}
  const text = (field: keyof OpenFormText) => {
    const value = f[field].trim()
    if (!value) problems[field] = 'required'
    return value
  }
  const fee = (field: 'monthlyFee' | 'singlePortFee') => {
    const read = positiveYuan(f[field])
    if ('fen' in read) return read.fen
    problems[field] = read.problem === 'not-positive' ? 'fee-not-positive' : 'fee-format'
    return 0
  }
  const subscriberId = text('subscriberId')
  const accountNo = text('accountNo')
  const accountName = text('accountName')
  const planName = text('planName')
  const monthlyFee = fee('monthlyFee')
  const singlePortFee = fee('singlePortFee')
  const cycleStart = text('cycleStart')
  const cycleEnd = text('cycleEnd')
  if (cycleStart && cycleEnd && cycleEnd <= cycleStart) problems.cycleEnd = 'cycle-order'
  const agentTyped = [f.agentName, f.agentIdNumber, f.agentAuthorisation].some((s) => s.trim())
  const agent = agentTyped ? { name: text('agentName'), idNumber: text('agentIdNumber'), authorisation: text('agentAuthorisation') } : undefined
  if (Object.keys(problems).length) return { ok: false, problems }
  // The core's own check of the draft (agreement-check.ts): what it adds here is the account number's form.
  if (checkAgreementDraft({ subscriberId, accountNo, accountName, plan: { name: planName, monthlyFee, singlePortFee }, cycleStart, cycleEnd }).accountNo === 'account-no-format') return { ok: false, problems: { accountNo: 'account-no-format' } }
  const draft: AgreementDraft = { subscriberId, accountNo, accountName, plan: { name: planName, monthlyFee, singlePortFee }, cycleStart, cycleEnd }
  if (agent) draft.agent = agent
  return { ok: true, draft }
}
