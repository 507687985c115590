import { randomBytes } from '@/crypto/bytes'
export { normaliseSetupCode } from '@/core/access/setup-code'

// No I, O, 0 or 1: a code read aloud or copied from paper must not be misread.
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A one-time setup code: 16 characters from 32 (80 bits), shown once as XXXX-XXXX-XXXX-XXXX. */
export function newSetupCode(): string {
  const chars = Array.from(randomBytes(16), (b) => alphabet[b % 32])
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-')
}

