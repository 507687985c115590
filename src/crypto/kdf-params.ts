import { fromBase64Url, randomBytes, toBase64Url } from './bytes'
import { CryptoError } from './errors'

/** Argon2id parameters, stored in clear beside the locked keyring they protect. */
export interface KdfParams {
  alg: 'argon2id'
  memoryKiB: number
  iterations: number
  parallelism: number
  /** base64url, 16..64 bytes */
  salt: string
}

/** The cost parts of KdfParams (everything but the algorithm and the salt). */
export type KdfCost = Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>

/** 64 MiB, 3 passes, 1 lane: above OWASP's Argon2id floor and still a second or so on a mid-range tablet. */
export const defaultKdfCost: KdfCost = { memoryKiB: 65536, iterations: 3, parallelism: 1 }

/**
 * What we accept from a stored keyring. The floor is OWASP's minimum (19 MiB, t=2);
 * the ceilings stop a tampered keyring from making a tablet allocate gigabytes or spin.
 */
export const kdfBounds = {
  memoryKiB: { min: 19456, max: 262144 },
  iterations: { min: 2, max: 10 },
  parallelism: { min: 1, max: 4 },
  saltBytes: { min: 16, max: 64 },
} as const

/** Fresh parameters (new 16-byte random salt) at `cost`; checked, so a bad cost fails here, not at unlock. */
export function newKdfParams(cost: KdfCost = defaultKdfCost): KdfParams {
  return checkKdfParams({ alg: 'argon2id', ...cost, salt: toBase64Url(randomBytes(16)) })
}

function bad(message: string): CryptoError {
  return new CryptoError('bad-kdf-params', message)
}

function checkInteger(p: Record<string, unknown>, field: 'memoryKiB' | 'iterations' | 'parallelism'): number {
  const { min, max } = kdfBounds[field]
  const value = p[field]
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw bad(`${field} must be an integer in ${min}..${max}, got ${String(value)}`)
  }
  return value
}

/**
 * `p` as KdfParams when every field is present and within `kdfBounds`; throws
 * `CryptoError('bad-kdf-params')` naming the field and the bound otherwise.
 * Returns a fresh object holding only the known fields.
 */
export function checkKdfParams(p: unknown): KdfParams {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) throw bad('kdf params must be an object')
  const record = p as Record<string, unknown>
  if (record.alg !== 'argon2id') throw bad(`alg must be 'argon2id', got ${String(record.alg)}`)
  const memoryKiB = checkInteger(record, 'memoryKiB')
  const iterations = checkInteger(record, 'iterations')
  const parallelism = checkInteger(record, 'parallelism')
  const { min, max } = kdfBounds.saltBytes
  if (typeof record.salt !== 'string') throw bad('salt must be a base64url string')
  let saltLength: number
  try {
    saltLength = fromBase64Url(record.salt).length
  } catch {
    throw bad('salt must be a base64url string')
  }
  if (saltLength < min || saltLength > max) throw bad(`salt must be ${min}..${max} bytes, got ${saltLength}`)
  return { alg: 'argon2id', memoryKiB, iterations, parallelism, salt: record.salt }
}
