import { concatBytes, fromBase64Url, fromUtf8, randomBytes, toBase64Url, utf8 } from './bytes'
import { CryptoError } from './errors'

/** The clear part of a record: enough for the server to route and authorise it, nothing about the person. */
export interface EnvelopeHeader {
  /** random record id */
  _id: string
  type: string
  realm: string
  /** realm key id, `realm:epoch` */
  kid: string
  /** schema version of the body, >= 1 */
  v: number
  /** author user id (the server checks it against the signed-in user) */
  by: string
  /** blind indexes, truncated (see blind-index.ts) */
  bi?: string[]
  /**
   * Envelope format version (not the body's `v`): absent in version 1, which
   * authenticated neither `by` nor `bi`; 2 authenticates every clear field.
   * seal() always writes 2, open() reads both.
   */
  e?: 2
}

/** The record format end to end: what Dexie stores and what PouchDB replicates. */
export interface Envelope extends EnvelopeHeader {
  _rev?: string
  sig?: string
  /** base64url of iv(12) || AES-GCM(JSON body, additionalData(header)) */
  ct: string
}

/** Finds the realm key for a key id, or undefined when this user does not hold it. */
export type KeyLookup = (kid: string) => CryptoKey | undefined

const ivLength = 12
const tagLength = 16

/** The envelope version seal() writes. */
export const envelopeVersion = 2

/**
 * The bytes AES-GCM authenticates beside the body: a ciphertext opens only
 * under the same id, type, realm, key and schema version it was sealed with,
 * so it cannot be copied onto another record or relabelled. Version 2 adds the
 * author and the blind indexes (in order; absent and empty differ), so neither
 * another writer nor the server can re-attribute a record or swap its index
 * values. Version 2 is a JSON array, which ends in `]`; version 1 ends in the
 * digits of `v`, so no header of one version shares additional data with the
 * other, and removing `e` (a downgrade) fails authentication.
 */
export function additionalData(h: EnvelopeHeader): Uint8Array<ArrayBuffer> {
  if (h.e === undefined) return utf8(`${h._id}|${h.type}|${h.realm}|${h.kid}|${h.v}`)
  return utf8(JSON.stringify(['lobby-envelope', h.e, h._id, h.type, h.realm, h.kid, h.v, h.by, h.bi ?? null]))
}

function malformed(message: string): CryptoError {
  return new CryptoError('malformed', message)
}

/**
 * Throws 'malformed' unless `h` has the header fields with the right types.
 * '|' is refused in the joined fields, else `a|b` + `c` and `a` + `b|c` would share additional data.
 */
function checkHeader(h: unknown): asserts h is EnvelopeHeader {
  if (typeof h !== 'object' || h === null) throw malformed('envelope must be an object')
  const r = h as Record<string, unknown>
  for (const field of ['_id', 'type', 'realm', 'kid', 'by'] as const) {
    const value = r[field]
    if (typeof value !== 'string' || value === '') throw malformed(`${field} must be a non-empty string`)
    if (field !== 'by' && value.includes('|')) throw malformed(`${field} must not contain '|'`)
  }
  if (typeof r.v !== 'number' || !Number.isSafeInteger(r.v) || r.v < 1) throw malformed('v must be an integer >= 1')
  if (r.bi !== undefined && (!Array.isArray(r.bi) || !r.bi.every((b) => typeof b === 'string'))) {
    throw malformed('bi must be an array of strings')
  }
  if (r.e !== undefined && r.e !== envelopeVersion) throw malformed(`e must be ${envelopeVersion} when present`)
}

/**
 * Only the header fields, so a caller's richer object (say, the plaintext
 * record) never leaks into the clear part; always the newest envelope version,
 * so a record re-sealed from an old one (an edit, a re-encryption, a merge) moves to it.
 */
function pickHeader(h: EnvelopeHeader): EnvelopeHeader {
  const header: EnvelopeHeader = { _id: h._id, type: h.type, realm: h.realm, kid: h.kid, v: h.v, by: h.by, e: envelopeVersion }
  if (h.bi !== undefined) header.bi = [...h.bi]
  return header
}

/**
 * Encrypts `body` (as JSON) under `key` with a fresh random IV, bound to
 * `header` as additional data. Throws 'malformed' for a bad header or a body
 * JSON cannot represent.
 */
export async function seal(header: EnvelopeHeader, body: unknown, key: CryptoKey): Promise<Envelope> {
  checkHeader(header)
  const clear = pickHeader(header)
  let json: string | undefined
  try {
    json = JSON.stringify(body) as string | undefined
  } catch {
    json = undefined // cycles and BigInt throw; undefined and functions return undefined
  }
  if (json === undefined) throw malformed('body cannot be represented as JSON')
  const iv = randomBytes(ivLength)
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(clear) }, key, utf8(json))
  return { ...clear, ct: toBase64Url(concatBytes(iv, new Uint8Array(ct))) }
}

/**
 * Decrypts an envelope's body. Throws 'malformed' for a bad shape or a body
 * that is not JSON, 'unknown-key' when `keys` lacks its kid, 'tampered' when
 * authentication fails. The result is typed `T` on trust: callers validate its schema.
 */
export async function open<T>(envelope: Envelope, keys: KeyLookup): Promise<T> {
  checkHeader(envelope)
  if (typeof envelope.ct !== 'string') throw malformed('ct must be a string')
  let sealed: Uint8Array<ArrayBuffer>
  try {
    sealed = fromBase64Url(envelope.ct)
  } catch {
    throw malformed('ct is not base64url')
  }
  if (sealed.length < ivLength + tagLength) throw malformed('ct is too short')
  const key = keys(envelope.kid)
  if (!key) throw new CryptoError('unknown-key', `no key ${envelope.kid}`)
  let plain: ArrayBuffer
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.subarray(0, ivLength), additionalData: additionalData(envelope) },
      key,
      sealed.subarray(ivLength),
    )
  } catch {
    throw new CryptoError('tampered', `envelope ${envelope._id} failed authentication`)
  }
  try {
    return JSON.parse(fromUtf8(new Uint8Array(plain))) as T
  } catch {
    throw malformed(`envelope ${envelope._id} body is not JSON`)
  }
}
