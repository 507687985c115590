/**
 * Byte helpers shared by the crypto layer. They return `Uint8Array<ArrayBuffer>`
 * (a subtype of `Uint8Array`) because WebCrypto's `BufferSource` refuses views
 * that might sit on a SharedArrayBuffer.
 */

const encoder = new TextEncoder()
// fatal: a ciphertext that decrypts must still be valid UTF-8, never silently patched with U+FFFD.
const decoder = new TextDecoder('utf-8', { fatal: true })
const base64UrlPattern = /^[A-Za-z0-9_-]*$/
// getRandomValues refuses more than 65536 bytes per call.
const randomChunk = 65536
// String.fromCharCode(...big) overflows the call stack; 32 KiB keeps it safe everywhere.
const charChunk = 0x8000

/** `bytes` as a view WebCrypto accepts: the same bytes when already on an ArrayBuffer, else a copy. */
export function asBufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes)
}

/**
 * The engine's own base64 (TC39 "Uint8Array to/from base64": Chromium 140+, Firefox 133+, Safari 18.2+), where it
 * has it: every envelope opened or sealed passes through here, and the string-building fallback was most of a
 * 10,000-record read's time. Node 20 (the unit tests) has neither method and takes the fallback.
 */
interface NativeBase64 {
  toBase64(this: Uint8Array, options: { alphabet: 'base64url'; omitPadding: boolean }): string
}
interface NativeBase64Constructor {
  fromBase64(s: string, options: { alphabet: 'base64url'; lastChunkHandling: 'strict' }): Uint8Array<ArrayBuffer>
}
const nativeTo = (Uint8Array.prototype as Partial<NativeBase64>).toBase64
const nativeFrom = (Uint8Array as unknown as Partial<NativeBase64Constructor>).fromBase64
const padding = ['', '===', '==', '=']

/** Unpadded base64url (RFC 4648 §5), the text form of every byte string Lobby stores. */
export function toBase64Url(bytes: Uint8Array): string {
  if (nativeTo) return nativeTo.call(bytes, { alphabet: 'base64url', omitPadding: true })
  return toBase64UrlByString(bytes)
}

/** Tests only: the fallback, whichever the engine has. */
export function toBase64UrlByString(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += charChunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + charChunk))
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * Decodes unpadded base64url. Throws `TypeError` for anything else, including
 * padding and non-canonical trailing bits, so one byte string has exactly one
 * text form (a stored value cannot be altered without changing its bytes).
 */
export function fromBase64Url(s: string): Uint8Array<ArrayBuffer> {
  if (typeof s !== 'string' || !base64UrlPattern.test(s) || s.length % 4 === 1) {
    throw new TypeError('not unpadded base64url')
  }
  if (nativeFrom) {
    // Padded back, so 'strict' can refuse non-zero trailing bits: the same one text form the fallback insists on.
    try {
      return nativeFrom.call(Uint8Array, s + padding[s.length % 4], { alphabet: 'base64url', lastChunkHandling: 'strict' })
    } catch {
      throw new TypeError('not canonical base64url')
    }
  }
  return fromBase64UrlByString(s)
}

/** Tests only: the fallback, whichever the engine has. */
export function fromBase64UrlByString(s: string): Uint8Array<ArrayBuffer> {
  const binary = atob(s.replace(/-/g, '+').replace(/_/g, '/'))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  if (toBase64UrlByString(bytes) !== s) throw new TypeError('not canonical base64url')
  return bytes
}

/** UTF-8 bytes of `s`. */
export function utf8(s: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(s) as Uint8Array<ArrayBuffer>
}

/** The string encoded by UTF-8 bytes `b`; throws `TypeError` on invalid UTF-8. */
export function fromUtf8(b: Uint8Array): string {
  return decoder.decode(b)
}

/** `n` cryptographically random bytes. */
export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a byte count: ${n}`)
  const bytes = new Uint8Array(n)
  for (let i = 0; i < n; i += randomChunk) crypto.getRandomValues(bytes.subarray(i, i + randomChunk))
  return bytes
}

/** The parts joined into one new array. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** A fresh record or entity id: 128 random bits as base64url (22 characters). */
export function randomId(): string {
  return toBase64Url(randomBytes(16))
}
