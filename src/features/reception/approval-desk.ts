import { shallowRef } from 'vue'
import type { StaffRole } from '@/core/access/roles'
import { principalRoles } from '@/core/reception/restricted'
import type { Visit } from '@/core/reception/types'
import type { AccountDoc } from '@/storage/documents'
import type { Stored } from '@/storage/sealed-repo'
import * as approvals from './approval-actions'
import type { ReceptionContext } from './reception-actions'

/** What the reception store hands over: its context, the accounts (roles now) and the signed-in role. */
interface ApprovalDeskDeps {
  context: () => Promise<ReceptionContext>
  accounts: () => Promise<AccountDoc[]>
  role: () => StaffRole | undefined
}

/**
 * REC-5 on the reception store: each of today's visits' approval state (the desk shows "waiting" or "approved by
 * whom, when"; the badge desk prints once `approvedFor(visitId)`), and the visits the principal has still to approve.
 * Kept apart from reception.store.ts so the store only wires it in.
 */
export function createApprovalDesk(deps: ApprovalDeskDeps) {
  /** Today's in-building visits' states, by visit id (a visit needing none is `{ needed: false }`). */
  const states = shallowRef<Record<string, approvals.ApprovalState>>({})
  /** The in-building visits still waiting for the principal (ids); shown only to a principal. */
  const awaiting = shallowRef<string[]>([])

  async function approvalContext(ctx?: ReceptionContext): Promise<approvals.ApprovalContext & ReceptionContext> {
    const base = ctx ?? (await deps.context())
    // A deactivated account has no role: their approval counts for nothing (restricted.ts).
    const roles = new Map((await deps.accounts()).filter((a) => a.status === 'active').map((a) => [a.userId, a.role]))
    return { ...base, roleOf: (id) => roles.get(id) }
  }

  /**
   * Re-reads the states of `present` (today's in-building visits): one `parent` slice read per visit. `current`:
   * whether the day's read this belongs to is still the latest shown (a later one's states are the fresher).
   */
  async function refresh(ctx: ReceptionContext, present: Stored<Visit>[], current: () => boolean = () => true) {
    const read = await approvals.approvalStates(await approvalContext(ctx), present)
    if (!current()) return
    states.value = read.states
    awaiting.value = read.awaiting
  }

  /** REC-5: the principal approves (the action refuses anyone else, and so does the server). */
  async function approve(visitId: string) {
    return approvals.approveVisit(await approvalContext(), visitId)
  }

  const isPrincipal = () => {
    const role = deps.role()
    return role !== undefined && principalRoles.includes(role)
  }

  /** REC-5, for the badge desk's "Print badge": the principal has approved this visit's restricted place. */
  const approvedFor = (visitId: string) => {
    const s = states.value[visitId]
    return s?.needed === true && s.approved
  }

  function forget() {
    states.value = {}
    awaiting.value = []
  }

  // `context`: the desk's context with roles, for the badge desk's check of an approval (badge-actions.ts).
  return { states, awaiting, refresh, approve, isPrincipal, approvedFor, forget, context: approvalContext }
}
