/**
 * Who may read and write what on the sync server: the one table behind every
 * database's `_security` object (server/provision/security.js) and its
 * `validate_doc_update` function (server/provision/validate-source.js).
 * Change permissions here, then run `npm run provision` (the embedded server
 * provisions itself on every start): design documents and `_security`
 * objects that differ are replaced.
 *
 * Layout: docs/operations.md ("Provisioning"). Roles: ARCHITECTURE.md.
 */

/**
 * @typedef {{ names?: string[], roles?: string[] }} Access
 * @typedef {{ roles?: string[], owner?: string, ownerKeeps?: string[], author?: boolean }} Permission
 *   allowed for a role listed; or for the user named in the document's `owner`
 *   field (then `ownerKeeps` fields must stay as they were); or, with
 *   `author`, for whoever wrote the stored document (`by`)
 * @typedef {object} TypeRules
 * @property {string | string[]} id the exact `_id`, or the fields that follow `<type>:` in it
 * @property {boolean} [signed] `by` must be the signed-in user
 * @property {Record<string, 'string' | 'object' | 'present'>} fields required on every write but a deletion
 * @property {Permission | null} create
 * @property {Permission | null} update `null`: never
 * @property {Permission | null} delete
 * @property {{ field: string, id: string, fixed: string[] }} [belongsTo] the document belongs to the user named in `field`, whose name and ':' start `id`; `fixed` fields never change
 * @typedef {object} DatabaseRules
 * @property {string} realm
 * @property {'typed' | 'envelope' | 'audit'} kind
 * @property {Access | null} readers `null`: everyone, anonymous included
 * @property {Access} writers
 * @property {Record<string, Access>} typeWriters envelope types only some writers may write
 * @property {string[]} appendOnly envelope types that are events: created, never changed or deleted
 * @property {string[]} [reservedTypes] types an envelope database refuses: those of the typed and audit databases
 * @property {Record<string, TypeRules>} [types] the types a `typed` database holds
 */

/** Every staff role, as in src/core/access/roles.ts. */
export const STAFF_ROLES = Object.freeze(['frontdesk', 'agent', 'technician', 'lead', 'manager', 'admin'])
/** Accounts of members (customers) carry this role; they only read their own realm. */
export const MEMBER_ROLE = 'member'
/** Roles that manage staff accounts and hand out keys. */
const MANAGERS = ['admin', 'manager']

/**
 * Realms kept in one database each, by kind:
 * - `typed`: clear documents of a few known types, each with its own rights;
 * - `envelope`: encrypted records (`ct`) of that realm, of any record type but the reserved ones
 *   (`RESERVED_TYPES`), each under an id `<type>:…`, written by the roles listed;
 * - `audit`: append-only audit entries.
 * `readers` become the database's `_security` members; `null` means everyone,
 * anonymous included. Nobody is a database admin: design documents and
 * `_security` are for server admins only.
 */
export const FIXED_REALMS = Object.freeze({
  // What a new device needs before anyone signs in: the organisation and the
  // Argon2id parameters per (hashed) sign-in name.
  public: {
    kind: 'typed',
    readers: null,
    // Any staff member may reach the type rules below; they let only admins write, except that a
    // user republishes their own login document when they replace their setup code or passphrase.
    writers: { roles: STAFF_ROLES },
    types: {
      org: {
        id: 'org', // the one document with this exact _id
        fields: { orgId: 'string', auditPublicJwk: 'object' },
        create: { roles: ['admin'] },
        update: { roles: ['admin'] },
        delete: { roles: ['admin'] },
      },
      // Issue 9 §4: the organisation's settings every staff role reads, before sign-in too (the first
      // sign-in shows the agreement): name, time zone, building hours, idle lock, CONF-8 agreement.
      // None of it is personal data; managers keep it, admins too (they found the organisation).
      'org-settings': {
        id: 'org-settings',
        fields: { name: 'object', timeZone: 'string', hours: 'object', holidays: 'present', idleLockSeconds: 'object', agreement: 'object' },
        create: { roles: MANAGERS },
        update: { roles: MANAGERS },
        delete: { roles: ['admin'] },
      },
      login: {
        id: [], // `login:<anything>`
        fields: { userId: 'string', kdf: 'object' },
        create: { roles: ['admin'] },
        // The owner publishes new Argon2id parameters when they replace their setup code or passphrase.
        update: { roles: ['admin'], owner: 'userId', ownerKeeps: ['userId'] },
        delete: { roles: ['admin'] },
      },
    },
  },
  org: {
    kind: 'typed',
    readers: { roles: STAFF_ROLES },
    writers: { roles: STAFF_ROLES },
    types: {
      account: {
        id: ['userId'], // `account:<userId>`
        fields: { userId: 'string', login: 'string', role: 'string', status: 'string' },
        create: { roles: MANAGERS },
        // The owner records their own first sign-in (setup, agreement) but
        // cannot change who they are or what they may do.
        update: { roles: MANAGERS, owner: 'userId', ownerKeeps: ['role', 'status', 'userId', 'login'] },
        delete: { roles: MANAGERS },
      },
      keyring: {
        id: ['userId'],
        fields: { userId: 'string', publicKeys: 'object' },
        create: { roles: MANAGERS, owner: 'userId' },
        update: { owner: 'userId' },
        delete: { owner: 'userId' },
      },
      device: {
        id: ['deviceId'],
        signed: true, // `by` is the signed-in user, on deletions too
        fields: { deviceId: 'string', publicJwk: 'object' },
        // CONF-6/CONF-10: a device belongs to one user (`userId`, and `deviceId` is `<userId>:<random>`);
        // only they register it, and nobody changes whose it is or its key afterwards. Devices from
        // before this have no `userId`: they stay their registrant's (`by`).
        belongsTo: { field: 'userId', id: 'deviceId', fixed: ['deviceId', 'userId', 'publicJwk'] },
        create: { roles: STAFF_ROLES },
        // Its user, or a manager revoking it (CONF-10); `by` then names the manager.
        update: { owner: 'userId', author: true, roles: MANAGERS },
        // Never: its public key verifies its audit chain for as long as the log is kept.
        delete: null,
      },
      grant: {
        id: ['userId', 'kid'], // `grant:<userId>:<kid>`
        signed: true,
        fields: { userId: 'string', kid: 'string', box: 'present' },
        create: { roles: MANAGERS },
        update: null, // never changed: a new key is a new grant
        delete: { roles: MANAGERS, owner: 'userId' },
      },
      // CONF-9: an account's certified public keys, signed by the admin or manager who vouches for
      // them (`by`); devices check the signature chain to their pinned root, the server only who writes.
      cert: {
        id: ['userId'], // `cert:<userId>`
        signed: true,
        fields: { userId: 'string', role: 'string', ecdh: 'object', ecdsa: 'object', sig: 'string' },
        create: { roles: MANAGERS },
        update: { roles: MANAGERS }, // re-certified when the certifier leaves
        delete: { roles: MANAGERS },
      },
      // CONF-9: the public half of a new audit key pair, minted when a reader of the audit log
      // leaves; an admin copies it into the organisation document (public db, admins only).
      'audit-key': {
        id: ['kid'], // `audit-key:<kid>`
        signed: true,
        fields: { kid: 'string', publicJwk: 'object' },
        create: { roles: MANAGERS },
        update: null,
        delete: null,
      },
    },
  },
  directory: {
    kind: 'envelope',
    readers: { roles: ['frontdesk', 'agent', 'lead', 'manager', 'admin'] },
    writers: { roles: ['frontdesk', 'agent', 'lead', 'manager', 'admin'] },
    // Staff profiles: only those who manage staff write them.
    typeWriters: { staff: { roles: MANAGERS } },
  },
  desk: {
    kind: 'envelope',
    readers: { roles: ['frontdesk', 'lead', 'manager', 'admin'] },
    writers: { roles: ['frontdesk', 'lead', 'manager', 'admin'] },
    // MEM-1/MEM-2 settings, MEM-8 card key and MEM-9 blacklisting are a manager's.
    typeWriters: { 'membership-settings': { roles: MANAGERS }, 'card-key': { roles: MANAGERS }, blacklist: { roles: MANAGERS } },
    // Money taken, visits and blacklisting are events (src/storage/append-only.ts keeps the same list).
    appendOnly: ['ledger', 'checkin', 'checkout', 'blacklist', 'service-log', 'card-key'],
  },
  accounts: {
    kind: 'envelope',
    readers: { roles: ['agent', 'lead', 'manager', 'admin'] },
    writers: { roles: ['agent', 'lead', 'manager', 'admin'] },
  },
  field: {
    kind: 'envelope',
    readers: { roles: ['agent', 'lead', 'manager', 'admin'] },
    writers: { roles: ['agent', 'lead', 'manager', 'admin'] },
  },
  // Every device appends (entries are sealed to the audit public key); nobody,
  // server admins included, changes or deletes an entry.
  audit: {
    kind: 'audit',
    readers: { roles: STAFF_ROLES },
    writers: { roles: STAFF_ROLES },
  },
})

/**
 * Types that belong to the typed databases and the audit log, never to a realm
 * (envelope) database: a device files each document it pulls into a local
 * table by its type (src/sync/replicated-tables.ts), so an `org`, `device` or
 * `keyring` document slipped into `lobby_desk` would reach a table it must not.
 */
export const RESERVED_TYPES = Object.freeze([
  ...Object.values(FIXED_REALMS).flatMap((realm) => ('types' in realm ? Object.keys(realm.types) : [])),
  'audit',
])

/**
 * Personal realms, one database per user (`member:<userId>`, `tech:<userId>`):
 * written by the staff roles listed and by the user (a technician records
 * work done offline; a member may dispute a charge), read by those and by the
 * user alone among non-staff.
 */
export const PERSONAL_REALMS = Object.freeze({
  member: { roles: ['frontdesk', 'lead', 'manager'] },
  tech: { roles: ['lead', 'manager'] },
})

/**
 * The rules of one realm's database, in the shape the validate function and
 * the `_security` builder read (plain JSON: it is embedded in the function).
 * @param {string} realm `desk`, `public`, `member:<userId>`, …
 * @returns {DatabaseRules}
 */
export function rulesFor(realm) {
  const personal = parsePersonalRealm(realm)
  if (personal) {
    const { roles } = PERSONAL_REALMS[personal.kind]
    const access = { names: [personal.userId], roles: [...roles] }
    return { realm, kind: 'envelope', readers: access, writers: access, typeWriters: {}, appendOnly: [], reservedTypes: [...RESERVED_TYPES] }
  }
  const fixed = Object.hasOwn(FIXED_REALMS, realm) ? /** @type {any} */ (FIXED_REALMS)[realm] : undefined
  if (!fixed) throw new Error(`Unknown realm: ${realm}`)
  return structuredClone({
    realm,
    kind: fixed.kind,
    readers: fixed.readers && { names: [], roles: [...fixed.readers.roles] },
    writers: { names: [], roles: [...fixed.writers.roles] },
    typeWriters: fixed.typeWriters ?? {},
    appendOnly: fixed.appendOnly ?? [],
    ...(fixed.kind === 'envelope' ? { reservedTypes: [...RESERVED_TYPES] } : {}),
    ...(fixed.types ? { types: fixed.types } : {}),
  })
}

/**
 * @param {string} realm
 * @returns {{ kind: 'member' | 'tech', userId: string } | null}
 */
export function parsePersonalRealm(realm) {
  const match = /^(member|tech):(.+)$/s.exec(realm)
  return match ? { kind: /** @type {'member' | 'tech'} */ (match[1]), userId: match[2] } : null
}
