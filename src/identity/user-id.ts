import { randomId } from '@/crypto/bytes'

/**
 * A new user's id: random, and usable as a CouchDB user name and inside a
 * database name (never starts with `_`, no `:`), so it can be the server
 * account's name without revealing who the user is.
 */
export function newUserId(): string {
  return `u${randomId()}`
}
