import { utf8 } from '@/crypto/bytes'
import { canonicalJson } from '@/crypto/signature'
import type { NoticeAckDoc, NoticeDoc } from './documents'

/** REC-3: the ids of notices and acknowledgements, and exactly what their box context and signatures cover. */

export const noticeId = (to: string, nid: string) => `notice:${to}:${nid}`
export const ackIdOf = (notice: Pick<NoticeDoc, 'to' | 'nid'>) => `notice-ack:${notice.to}:${notice.nid}`
/** `notice:<to>:<nid>` → its parts; user ids hold no ':' (server user names cannot). */
export function parseNoticeId(id: string): { to: string; nid: string } | undefined {
  const [type, to, nid, ...rest] = id.split(':')
  return type === 'notice' && to && nid && rest.length === 0 ? { to, nid } : undefined
}

/** The sealed box's context: it opens only as this notice, from this author, to this recipient. */
export const boxContext = (id: string, by: string) => `notice|${id}|${by}`
export const noticeStatement = (n: Pick<NoticeDoc, '_id' | 'to' | 'by' | 'box'>) => utf8(canonicalJson({ purpose: 'lobby-notice', id: n._id, to: n.to, by: n.by, box: n.box }))
export const ackStatement = (a: Pick<NoticeAckDoc, '_id' | 'by' | 'nid' | 'at' | 'device'>) =>
  utf8(canonicalJson({ purpose: 'lobby-notice-ack', id: a._id, by: a.by, nid: a.nid, at: a.at, device: a.device }))
