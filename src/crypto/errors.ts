/** Why a crypto operation refused: callers branch on the code, never on the message. */
export type CryptoErrorCode = 'unknown-key' | 'tampered' | 'malformed' | 'bad-kdf-params' | 'wrong-secret'

/** The one error the crypto layer throws for expected refusals (bad input, wrong key, tampering). */
export class CryptoError extends Error {
  constructor(
    readonly code: CryptoErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'CryptoError'
  }
}

/** Whether `e` is a CryptoError, and when `code` is given, one with that code. */
export function isCryptoError(e: unknown, code?: CryptoErrorCode): e is CryptoError {
  return e instanceof CryptoError && (code === undefined || e.code === code)
}
