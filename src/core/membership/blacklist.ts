/** MEM-9: is a member blacklisted, from the append-only add/lift events. */
import type { BlacklistEvent } from './types'

/**
 * MEM-9: the blacklisting in force for `memberId`, or `undefined`. The latest
 * event decides; when an add and a lift carry the same time (two managers on
 * two offline devices), the add wins — refusing by mistake is the safer error.
 */
export function isBlacklisted(events: BlacklistEvent[], memberId: string): { reason: string; at: number } | undefined {
  let latest: BlacklistEvent | undefined
  for (const e of events) {
    if (e.memberId !== memberId) continue
    if (!latest || e.at > latest.at || (e.at === latest.at && e.action === 'add')) latest = e
  }
  return latest?.action === 'add' ? { reason: latest.reason, at: latest.at } : undefined
}
