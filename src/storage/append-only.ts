/**
 * Record types that are events: written once, never changed or deleted (a
 * mistake is corrected by a further event). Nothing paid or recorded offline
 * is lost, and two tablets never conflict over them (ARCHITECTURE.md "Sync").
 * The sync server refuses updates and deletions of these types too
 * (server/provision/rules.js `appendOnly`; a test keeps the two lists equal),
 * so re-encryption after a key rotation leaves them under the key they were
 * written with: a departed user's old copies of them are old data anyway.
 */
export const appendOnlyTypes: readonly string[] = ['ledger', 'checkin', 'checkout', 'blacklist', 'service-log', 'card-key']

export const isAppendOnly = (type: string): boolean => appendOnlyTypes.includes(type)
