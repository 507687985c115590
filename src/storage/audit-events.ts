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
  /** A bulk write's records (one action, one type): see `auditedChanges`. */
  recordIds?: string[]
  recordType?: string
  /** Short non-personal detail (a route, a reason code); never a customer's data. */
  detail?: string
}

/** How many records one audit entry of a bulk write names: a 10,000-charge bill run is 20 entries, each a few kilobytes. */
export const bulkAuditIds = 500

/**
 * CONF-6 for a write of many records (a bill run, an import): each record is named, but a bulk write's records of one
 * action and type share an entry (up to `bulkAuditIds` of them). One entry per record would cost a bill run
 * 10,000 sealed, hashed and signed entries (seconds of WebCrypto), and the sync and the managers' log as many.
 */
export function auditedChanges(changes: readonly { action: 'create' | 'change' | 'delete'; type: string; id: string }[], by: string): Omit<AuditEvent, 'device' | 'at'>[] {
  if (changes.length === 1) return changes.map((c) => ({ action: `record.${c.action}` as const, by, recordId: c.id, recordType: c.type }))
  const groups = new Map<string, { action: 'create' | 'change' | 'delete'; type: string; ids: string[] }>()
  for (const c of changes) {
    const key = `${c.action}\u0000${c.type}`
    const group = groups.get(key) ?? groups.set(key, { action: c.action, type: c.type, ids: [] }).get(key)!
    group.ids.push(c.id)
  }
  const events: Omit<AuditEvent, 'device' | 'at'>[] = []
  for (const g of groups.values()) {
    for (let i = 0; i < g.ids.length; i += bulkAuditIds) {
      events.push({ action: `record.${g.action}`, by, recordIds: g.ids.slice(i, i + bulkAuditIds), recordType: g.type })
    }
  }
  return events
}
