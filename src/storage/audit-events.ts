/** CONF-6: what the audit log records on behalf of the platform (sign-in, keys, records, sync, …). */
export const platformAuditActions = [
  'org.create',
  'sign-in',
  'sign-in.failed',
  'sign-out',
  'lock',
  'unlock',
  'unlock.failed',
  'pin.set',
  'agreement.accept',
  'record.create',
  'record.change',
  'record.delete',
  'reveal',
  'export',
  'grant',
  'staff.create',
  'key.change',
  'access.denied',
  'conflict.merge',
  // Issue 8 §5: rival versions of an append-only record (tampering): both kept, the losers quarantined.
  'conflict.tamper',
  'quarantine',
  'sync',
  'device.revoke',
  'staff.deactivate',
  'key.rotate',
  'key.reencrypt',
  'card.forged',
  'card.reissue',
  'card.key-rotate',
  'checkin.override',
  'member.blacklist',
  'member.blacklist-lift',
  'member.suspend',
  'checkin.duplicate',
  // Issue 9 §4: a manager or admin saved the organisation settings (a new agreement version asks everyone again, CONF-8).
  'org-settings.change',
] as const
export type PlatformAuditAction = (typeof platformAuditActions)[number]

/**
 * Actions a feature adds, named in its own folder by augmenting this interface
 * (`declare module '@/storage/audit-events' { interface FeatureAuditActions extends Record<'reception.change', true> {} }`)
 * and given words in its module (`FeatureModule.auditActions`), so a new desk edits no list here and the log
 * still refuses a misspelt action at compile time.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the features' augmentations
export interface FeatureAuditActions {}

/** CONF-6: every action the log accepts: the platform's and the features'. */
export type AuditAction = PlatformAuditAction | keyof FeatureAuditActions

/** The sealed content of an audit entry: who did what to which record, when, on which device. */
export interface AuditEvent {
  action: AuditAction
  /** User id, or `anonymous` for a failed sign-in with an unknown name. */
  by: string
  at: string
  device: string
  recordId?: string
  recordType?: string
  /** Short non-personal detail (a route, a reason code); never a customer's data. */
  detail?: string
}
