/**
 * Provisioning a CouchDB-compatible server for Lobby (docs/operations.md,
 * "Provisioning"): the public API, for scripts and the embedded server.
 */
export { couchClient, CouchError } from './http-client.js'
export { provisionServer, provisionPersonalRealm, provisionRealm } from './databases.js'
export { databaseNameFor, personalRealm, DEFAULT_PREFIX } from './names.js'
export { FIXED_REALMS, PERSONAL_REALMS, STAFF_ROLES, rulesFor } from './rules.js'
export {
  configureUsersDatabase, createServerUser, disableServerUser, listServerUsers, setServerUserPassword, setServerUserRoles,
} from './users.js'
