import { asBufferSource, fromBase64Url, toBase64Url } from './bytes'

const ecdsaSha256 = { name: 'ECDSA', hash: 'SHA-256' } as const
// WebCrypto's ECDSA signatures are r || s, 32 bytes each on P-256 (not DER).
const signatureLength = 64

/** ECDSA P-256 / SHA-256 signature of `data`, base64url. */
export async function sign(privateKey: CryptoKey, data: Uint8Array): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.sign(ecdsaSha256, privateKey, asBufferSource(data))))
}

/** Whether `sig` is `publicKey`'s signature of `data`. False, never a throw, for a malformed signature. */
export async function verify(publicKey: CryptoKey, data: Uint8Array, sig: string): Promise<boolean> {
  try {
    const bytes = fromBase64Url(sig)
    if (bytes.length !== signatureLength) return false
    return await crypto.subtle.verify(ecdsaSha256, publicKey, bytes, asBufferSource(data))
  } catch {
    return false
  }
}

/** A device's signing pair. The private key is non-extractable: it stays in this browser's IndexedDB and dies with it. */
export async function generateDeviceSigningKey(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
}

/** SHA-256 of `data`, base64url. */
export async function sha256(data: Uint8Array): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', asBufferSource(data))))
}

function canonical(value: unknown, ancestors: Set<object>): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`)
    return JSON.stringify(value)
  }
  if (typeof value !== 'object') throw new TypeError(`canonicalJson: cannot represent ${typeof value}`)
  if (ancestors.has(value)) throw new TypeError('canonicalJson: cyclic value')
  ancestors.add(value)
  let out: string
  if (Array.isArray(value)) {
    out = `[${value.map((item) => canonical(item, ancestors)).join(',')}]`
  } else {
    const proto: unknown = Object.getPrototypeOf(value)
    // A Date or Map would silently become {} and two different entries would hash alike.
    if (proto !== Object.prototype && proto !== null) throw new TypeError('canonicalJson: only plain objects and arrays')
    const record = value as Record<string, unknown>
    // Default sort compares UTF-16 code units, the order RFC 8785 (JCS) uses.
    const keys = Object.keys(record).sort()
    out = `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k], ancestors)}`).join(',')}}`
  }
  ancestors.delete(value)
  return out
}

/**
 * One text per value: object keys sorted recursively, no whitespace, so the same
 * audit entry hashes the same on every device. Throws `TypeError` for what JSON
 * would silently drop or change (undefined, functions, non-finite numbers,
 * non-plain objects, cycles).
 */
export function canonicalJson(value: unknown): string {
  return canonical(value, new Set())
}
