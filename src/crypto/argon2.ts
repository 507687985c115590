import { argon2id } from 'hash-wasm'
import { fromBase64Url } from './bytes'
import { CryptoError } from './errors'
import { checkKdfParams, type KdfParams } from './kdf-params'

/** Length of the Argon2id output: one 256-bit master secret, split by HKDF afterwards. */
export const masterLength = 32

/**
 * Argon2id of `secret` under `params` (checked first, so a tampered keyring
 * cannot choose the cost): 32 raw bytes. Slow on purpose; in the browser,
 * call it through the KDF worker (see kdf.ts) so the UI keeps painting.
 */
export async function argon2idRaw(secret: Uint8Array, params: KdfParams): Promise<Uint8Array> {
  const p = checkKdfParams(params)
  // hash-wasm refuses an empty password with a bare Error; say it in our terms.
  if (secret.length === 0) throw new CryptoError('malformed', 'the secret must not be empty')
  return argon2id({
    password: secret,
    salt: fromBase64Url(p.salt),
    memorySize: p.memoryKiB,
    iterations: p.iterations,
    parallelism: p.parallelism,
    hashLength: masterLength,
    outputType: 'binary',
  })
}
