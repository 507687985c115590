import { asBufferSource } from './bytes'
import { CryptoError } from './errors'

/** A realm key id, `realm:epoch`, e.g. `desk:2` or `member:abc:1` (the realm may hold colons; the epoch never does). */
export type RealmKeyId = string

const epochPattern = /^(0|[1-9]\d*)$/
const rawKeyLength = 32

/** The id of `realm`'s key at `epoch` (a non-negative integer that grows on each rotation). */
export function realmKeyId(realm: string, epoch: number): RealmKeyId {
  if (realm === '') throw new CryptoError('malformed', 'realm must not be empty')
  if (!Number.isSafeInteger(epoch) || epoch < 0) throw new CryptoError('malformed', `epoch must be a non-negative integer, got ${epoch}`)
  return `${realm}:${epoch}`
}

/** Splits a key id at its last colon; throws 'malformed' when there is no realm or no integer epoch. */
export function parseRealmKeyId(kid: RealmKeyId): { realm: string; epoch: number } {
  const at = kid.lastIndexOf(':')
  const realm = kid.slice(0, Math.max(at, 0))
  const epoch = kid.slice(at + 1)
  if (at <= 0 || !epochPattern.test(epoch) || !Number.isSafeInteger(Number(epoch))) {
    throw new CryptoError('malformed', `not a realm key id: ${kid}`)
  }
  return { realm, epoch: Number(epoch) }
}

const aesGcm = { name: 'AES-GCM', length: 256 } as const
// length: 256, because HMAC's default is the hash's block size (512 bits) and we want one raw size for all realm secrets.
const hmacSha256 = { name: 'HMAC', hash: 'SHA-256', length: 256 } as const

/** A fresh realm key (AES-GCM-256). Extractable, because it is wrapped to every user who holds the realm. */
export async function generateRealmKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey(aesGcm, true, ['encrypt', 'decrypt'])
}

/** A fresh realm index key (HMAC-SHA256, 32 bytes) for blind indexes. Extractable, for the same reason. */
export async function generateIndexKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey(hmacSha256, true, ['sign'])
}

/** The raw bytes of an extractable symmetric key. */
export async function exportRawKey(k: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.exportKey('raw', k))
}

function checkRawLength(raw: Uint8Array): void {
  if (raw.length !== rawKeyLength) throw new CryptoError('malformed', `a raw key must be ${rawKeyLength} bytes, got ${raw.length}`)
}

/** A realm key from its 32 raw bytes; throws 'malformed' for any other length. */
export async function importRealmKey(raw: Uint8Array, extractable = true): Promise<CryptoKey> {
  checkRawLength(raw)
  return crypto.subtle.importKey('raw', asBufferSource(raw), aesGcm, extractable, ['encrypt', 'decrypt'])
}

/** A realm index key from its 32 raw bytes; throws 'malformed' for any other length. */
export async function importIndexKey(raw: Uint8Array, extractable = true): Promise<CryptoKey> {
  checkRawLength(raw)
  return crypto.subtle.importKey('raw', asBufferSource(raw), hmacSha256, extractable, ['sign'])
}
