import { appendOnlyTypes as policyAppendOnly } from '@/core/access/access-policy'
import { isAppendOnlyType } from '@/core/access/realm-access'

/**
 * Record types that are events: written once, never changed or deleted (a
 * mistake is corrected by a further event). Nothing paid or recorded offline
 * is lost, and two tablets never conflict over them (ARCHITECTURE.md "Sync").
 * The list is the access policy's (src/core/access/access-policy.js), which the
 * sync server enforces too, refusing updates and deletions of these types; so
 * re-encryption after a key rotation leaves them under the key they were
 * written with: a departed user's old copies of them are old data anyway.
 */
export const appendOnlyTypes: readonly string[] = policyAppendOnly

export const isAppendOnly = isAppendOnlyType
