/**
 * Issue 14 §4: what a member sends from their phone, sealed under their own realm key into their own database
 * (types `self-dispute`, `self-objection`: events, never changed). The desk that owns the account takes each in
 * and records it in its own realm, where its rules (BB-7's six months, BB-13's notice period) decide again.
 */
import * as v from 'valibot'
import { instantSchema } from '@/core/shared/unit-schemas'

// Checked, never transformed (as every schema here): the phone trims before it seals.
const reasonSchema = v.pipe(v.string(), v.check((s) => s.trim() !== ''), v.maxLength(2000))

export const selfRequestSchema = v.variant('kind', [
  // BB-7: a charge line the member disputes.
  v.object({ kind: v.literal('dispute'), accountId: v.string(), entryId: v.string(), reason: reasonSchema, at: instantSchema }),
  // BB-13: an objection to a change of terms.
  v.object({ kind: v.literal('objection'), accountId: v.string(), noticeId: v.string(), reason: reasonSchema, at: instantSchema }),
  // BB-11: the member set (`first`: replacing the one-time code) or changed their password; the desk audits it.
  v.object({ kind: v.literal('password'), first: v.boolean(), at: instantSchema }),
])

export type SelfRequest = v.InferOutput<typeof selfRequestSchema>

/** The record type of each request (events: the server refuses their change or deletion). */
export const selfRequestType = { dispute: 'self-dispute', objection: 'self-objection', password: 'self-password' } as const

/**
 * What the staff device that took a request in says of it (`self-ack:<the request's id after its type>`), written into
 * the member's database: no device takes it in or audits it again, and the member's phone may say how it went.
 */
export const selfAckSchema = v.object({ request: v.string(), outcome: v.picklist(['taken', 'refused', 'noted']), reason: v.optional(v.string()), at: instantSchema })
export type SelfAck = v.InferOutput<typeof selfAckSchema>
