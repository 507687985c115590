import type { StaffRole } from '@/core/access/roles'
import { principalRoles, restrictedAreaCheck } from '@/core/reception/restricted'
import type { ReceptionSettings, Visit } from '@/core/reception/types'
import type { Stored } from '@/storage/sealed-repo'
import type { ReceptionContext } from './reception-actions'
import type { ReceptionRecords } from './reception-records'

/** Who acts and what they may read: the desk's context, with each user's role as the staff directory says now. */
export interface ApprovalContext {
  records: ReceptionRecords
  audit: ReceptionContext['audit']
  settings: ReceptionSettings
  now: number
  userId: string
  deviceId: string
  /** A user's role now; someone who left (or is unknown) has none, so their approval counts for nothing. */
  roleOf: (userId: string) => StaffRole | undefined
}

/** REC-5, as the desk sees a visit: no approval needed, waiting for the principal, or approved by whom and when. */
export type ApprovalState = { needed: false } | { needed: true; approved: false } | { needed: true; approved: true; by: string; at: number }

export type ApproveProblem = 'not-principal' | 'unknown-visit' | 'refused' | 'not-needed' | 'already-approved'

const isPrincipal = (ctx: ApprovalContext, userId: string) => {
  const role = ctx.roleOf(userId)
  return role !== undefined && principalRoles.includes(role)
}

/** REC-5: a visit's approval state from its approval events (the `parent` slice index: the visit's, never the realm). */
async function stateOf(ctx: ApprovalContext, visitId: string, visit: Visit): Promise<ApprovalState> {
  const place = visit.reception.place
  if (visit.refused || restrictedAreaCheck(ctx.settings, place, [], ctx.roleOf).allowed) return { needed: false }
  const approvals = (await ctx.records.approvals.byParent(visitId)).map((a) => a.record)
  if (!restrictedAreaCheck(ctx.settings, place, approvals, ctx.roleOf).allowed) return { needed: true, approved: false }
  // The first principal's approval for this place is the one the desk shows.
  const first = approvals.filter((a) => a.place === place && isPrincipal(ctx, a.approvedBy)).sort((a, b) => a.at - b.at)[0]!
  return { needed: true, approved: true, by: first.approvedBy, at: first.at }
}

/** REC-5: whether a visit waits for the principal, or who approved it and when; `undefined` for an unknown visit. */
export async function approvalOf(ctx: ApprovalContext, visitId: string): Promise<ApprovalState | undefined> {
  const visit = await ctx.records.visits.get(visitId)
  return visit && stateOf(ctx, visitId, visit)
}

/**
 * REC-5: the approval state of each of `visits` (the day's in the building), by visit id, and those still waiting
 * for the principal (the principal's list), in the order given.
 */
export async function approvalStates(ctx: ApprovalContext, visits: Stored<Visit>[]): Promise<{ states: Record<string, ApprovalState>; awaiting: string[] }> {
  const states = await Promise.all(visits.map((v) => stateOf(ctx, v.id, v.record)))
  return {
    states: Object.fromEntries(visits.map((v, i) => [v.id, states[i]!])),
    awaiting: visits.filter((_, i) => { const s = states[i]!; return s.needed && !s.approved }).map((v) => v.id),
  }
}

/**
 * REC-5: the principal approves a visit to its restricted place: an append-only event saying who, when and from
 * which device, and an audit entry. Anyone else is refused here, and by the server, which takes `visit-approval`
 * only from managers (src/core/access/access-policy.js).
 */
export async function approveVisit(ctx: ApprovalContext, visitId: string): Promise<{ ok: true } | { ok: false; problem: ApproveProblem }> {
  if (!isPrincipal(ctx, ctx.userId)) return { ok: false, problem: 'not-principal' }
  const visit = await ctx.records.visits.get(visitId)
  if (!visit) return { ok: false, problem: 'unknown-visit' }
  if (visit.refused) return { ok: false, problem: 'refused' }
  const state = await stateOf(ctx, visitId, visit)
  if (!state.needed) return { ok: false, problem: 'not-needed' }
  if (state.approved) return { ok: false, problem: 'already-approved' }
  await ctx.records.approvals.add({ visitId, place: visit.reception.place, approvedBy: ctx.userId, at: ctx.now, deviceId: ctx.deviceId })
  await ctx.audit.append({ action: 'reception.approve', by: ctx.userId, recordId: visitId, recordType: 'visit' })
  return { ok: true }
}
