/** CONF-6: what the audit log records. */
export const auditActions = [
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
  // REC-2: the reception desk chose otherwise than the visitor's category suggests (the reason is sealed in the visit).
  'reception.change',
  // REC-5: the principal approved a visit to a restricted place (the approval event says who, when, from where).
  'reception.approve',
] as const
export type AuditAction = (typeof auditActions)[number]

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
