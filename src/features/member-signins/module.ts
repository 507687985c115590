import type { FeatureModule } from '@/features/module'
import { memberSigninsAuditActions } from './member-signins.audit'

/**
 * Issue 14 (BB-11): members' phone sign-ins, given at the desk (the member's page) and the counter (the account's
 * page). No page of its own: its panel sits on theirs, and their modules load its words. What it writes to the
 * audit log is its own.
 */
export const memberSigninsModule: FeatureModule = {
  name: 'member-signins',
  routes: [],
  auditActions: memberSigninsAuditActions,
}
