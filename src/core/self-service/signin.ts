/**
 * Issue 14 (BB-11): a person's sign-in on their own phone, as the staff who issued it keep it, sealed in the
 * `directory` realm (every role that serves members holds it): which server account and personal realm it is,
 * the name the member signs in with, and the member realm's key, so any of those staff can write the member's
 * views (CONF-11: the key never reaches another member, and the member never gets a staff key).
 */
import * as v from 'valibot'
import { instantSchema } from '@/core/shared/unit-schemas'

export const personSigninSchema = v.object({
  personId: v.string(),
  /** The member's server name (`m-…`, identity/member-ids.ts), and so their realm `member:<userId>`. */
  userId: v.string(),
  /** What the member types to sign in (their member or account number, unless the desk chose another). */
  signInName: v.string(),
  /** The member realm's key id (`member:<userId>:<epoch>`) and its raw AES key, base64url. */
  kid: v.string(),
  realmKey: v.string(),
  issuedAt: instantSchema,
  issuedBy: v.string(),
  /** When the newest one-time code stops working, unless the member used it. */
  codeExpiresAt: instantSchema,
})

export type PersonSignin = v.InferOutput<typeof personSigninSchema>

/** BB-11: how long a one-time code works: long enough to get home and sign in, short enough to be worth little if lost. */
export const codeLifetimeMs = 7 * 24 * 3600_000

/** BB-11: the member is reminded to change their password after this many days (a setting may shorten it). */
export const passwordReminderDays = 180

/** Whether the member should be reminded to change their password (BB-11), `setAt` and `now` epoch ms. */
export function passwordReminderDue(setAt: number, now: number, days = passwordReminderDays): boolean {
  return now - setAt >= days * 24 * 3600_000
}
