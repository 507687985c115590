import { fixedRealms, parsePersonalRealm } from '@/core/access/realm-access'

/**
 * The CouchDB database that holds a realm, as the access policy names it
 * (src/core/access/access-policy.js; server/provision/names.js builds the same,
 * a test compares them). Personal realms (`member:<id>`, `tech:<id>`) map the
 * user id to lowercase hex, as database names allow only [a-z0-9_$()+/-].
 */
export function databaseNameFor(realm: string, prefix = 'lobby_'): string {
  const personal = parsePersonalRealm(realm)
  if (personal) {
    const hex = Array.from(new TextEncoder().encode(personal.userId), (b) => b.toString(16).padStart(2, '0')).join('')
    return `${prefix}${personal.kind}_${hex}`
  }
  if (!fixedRealms.includes(realm)) throw new RangeError(`not a realm: ${realm}`)
  return `${prefix}${realm}`
}
