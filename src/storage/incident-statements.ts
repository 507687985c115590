import { utf8 } from '@/crypto/bytes'
import { canonicalJson } from '@/crypto/signature'
import type { IncidentDoc } from './documents'

/** REC-7: an incident's id, and exactly what its two boxes' contexts and its signature cover. */

export const incidentId = (to: string, iid: string) => `incident:${to}:${iid}`
/** `incident:<to>:<iid>` → its parts; user ids hold no ':' (server user names cannot). */
export function parseIncidentId(id: string): { to: string; iid: string } | undefined {
  const [type, to, iid, ...rest] = id.split(':')
  return type === 'incident' && to && iid && rest.length === 0 ? { to, iid } : undefined
}

/** Each box opens only as this incident, by this author, for its reader: the person concerned, or the audit key's holders. */
export const incidentBoxContext = (id: string, by: string, reader: 'subject' | 'audit') => `incident|${id}|${by}|${reader}`
export const incidentStatement = (d: Pick<IncidentDoc, '_id' | 'to' | 'by' | 'box' | 'auditBox' | 'akid'>) =>
  utf8(canonicalJson({ purpose: 'lobby-incident', id: d._id, to: d.to, by: d.by, box: d.box, auditBox: d.auditBox, akid: d.akid }))
