import { normaliseIdNumber, normaliseMemberNo, normaliseName, normalisePhone } from '@/core/shared/normalise'
import { toBase64Url, utf8 } from './bytes'

/**
 * The fields we can look a record up by without decrypting every record: a
 * person's phone, ID number or name, a member's or broadband account's number, and the slice fields
 * (docs/architecture.md "Reading a slice"): `parent`, the id of the record a
 * record belongs to (a fee's member, a member's person), and `day`, the
 * organisation-local date the desk reads it by (a check-in's day).
 */
export type BlindField = 'phone' | 'idNumber' | 'memberNo' | 'accountNo' | 'name' | 'parent' | 'day'

/** The fields that slice a realm (as opposed to the look-up fields a person types). */
export type SliceField = Extract<BlindField, 'parent' | 'day'>

// Ids and ISO dates are compared exactly: no spelling of them is typed by a person.
const exact = (s: string) => s.trim()

const normalisers: Record<BlindField, (s: string) => string> = {
  phone: normalisePhone,
  idNumber: normaliseIdNumber,
  memberNo: normaliseMemberNo,
  // BB-1: a broadband account number is typed like a member number (spaces and case ignored).
  accountNo: normaliseMemberNo,
  name: normaliseName,
  parent: exact,
  day: exact,
}

/** The form of `raw` that is MACed (and compared, to drop collisions). */
export const normaliseBlind = (field: BlindField, raw: string): string => normalisers[field](raw)

/**
 * 6 bytes = 48 bits, truncated on purpose. It keeps the clear part of every
 * envelope small and makes an index a hint, not a full-strength fingerprint of
 * the value: collisions are possible by design, so a hit is only a candidate and
 * lookups must decrypt each hit and confirm the field. 48 bits still keeps false
 * hits rare (about n / 2^48 per lookup among n records).
 */
const truncatedBytes = 6

/**
 * The blind index of `raw` for `field` under the realm's index key:
 * `${field}:${base64url(first 6 bytes of HMAC-SHA256(field NUL normalised))}`,
 * or undefined when `raw` normalises to nothing. The field is in the MAC so the
 * same digits as a phone and as a member number give unrelated indexes.
 */
export async function blindIndex(indexKey: CryptoKey, field: BlindField, raw: string): Promise<string | undefined> {
  const normalised = normalisers[field](raw)
  if (normalised === '') return undefined
  const mac = await crypto.subtle.sign('HMAC', indexKey, utf8(`${field}\u0000${normalised}`))
  return `${field}:${toBase64Url(new Uint8Array(mac, 0, truncatedBytes))}`
}

/** The blind indexes of every non-empty value given, in field order, for an envelope's `bi`. */
export async function blindIndexes(indexKey: CryptoKey, values: Partial<Record<BlindField, string>>): Promise<string[]> {
  const fields = (Object.keys(normalisers) as BlindField[]).filter((f) => values[f] !== undefined)
  const indexes = await Promise.all(fields.map((f) => blindIndex(indexKey, f, values[f] ?? '')))
  return indexes.filter((i): i is string => i !== undefined)
}
