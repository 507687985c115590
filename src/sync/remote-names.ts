/**
 * The CouchDB database that holds a realm. Must agree with server/provision
 * (a test compares them). Personal realms (`member:<id>`, `tech:<id>`) map the
 * user id to lowercase hex, as database names allow only [a-z0-9_$()+/-].
 */
export function databaseNameFor(realm: string, prefix = 'lobby_'): string {
  const personal = /^(member|tech):(.+)$/.exec(realm)
  if (personal) {
    const hex = Array.from(new TextEncoder().encode(personal[2]!), (b) => b.toString(16).padStart(2, '0')).join('')
    return `${prefix}${personal[1]}_${hex}`
  }
  if (!/^[a-z][a-z0-9_]*$/.test(realm)) throw new RangeError(`not a realm: ${realm}`)
  return `${prefix}${realm}`
}
