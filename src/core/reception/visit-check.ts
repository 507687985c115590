/** REC-1: what is wrong with a visit as typed at the desk, field by field. */
import type { ReceptionSettings } from './types'

export type VisitField = 'name' | 'phone' | 'organisation' | 'category' | 'purpose' | 'host' | 'reason'
export type VisitProblem = 'required' | 'too-long' | 'not-a-phone' | 'unknown-category' | 'retired-category' | 'host-unknown' | 'host-left'

export interface VisitInput {
  name: string
  phone?: string
  organisation?: string
  category: string
  purpose: string
  hostId: string
  /** Why a visitor is refused (REC-2): asked when the reception is `refuse`. */
  reason?: string
}

export function checkVisitInput(
  input: VisitInput,
  ctx: { settings: ReceptionSettings; hosts: { userId: string; active: boolean }[] },
): Partial<Record<VisitField, VisitProblem>> {
  void [input, ctx]
  throw new Error('not built yet')
}
