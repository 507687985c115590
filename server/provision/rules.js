/**
 * Who may read and write what on the sync server: the one table behind every
 * database's `_security` object (server/provision/security.js) and its
 * `validate_doc_update` function (server/provision/validate-source.js).
 * Change who holds what in the access policy, and the clear documents' rules
 * here, then run `npm run provision` (the embedded server provisions itself on
 * every start): design documents and `_security` objects that differ are replaced.
 *
 * Layout: docs/operations.md ("Provisioning"). Roles: ARCHITECTURE.md.
 *
 * The realms, their holders, who writes which record types, the events and
 * the reserved types come from the access policy the app reads too
 * (src/core/access/access-policy.js); only the clear documents' own rules
 * (`TYPED_RULES`: fields, ids, who creates or changes each) live here.
 */
import * as policy from '../../src/core/access/access-policy.js'

/**
 * @typedef {{ names?: string[], roles?: string[] }} Access
 * @typedef {{ roles?: string[], owner?: string, ownerKeeps?: string[], author?: boolean }} Permission
 *   allowed for a role listed; or for the user named in the document's `owner`
 *   field (then `ownerKeeps` fields must stay as they were); or, with
 *   `author`, for whoever wrote the stored document (`by`)
 * @typedef {object} TypeRules
 * @property {string | string[]} id the exact `_id`, or the fields that follow `<type>:` in it
 * @property {boolean} [signed] `by` must be the signed-in user
 * @property {Record<string, 'string' | 'object' | 'present' | 'integer'>} fields required on every write but a deletion
 * @property {Permission | null} create
 * @property {Permission | null} update `null`: never
 * @property {Permission | null} delete
 * @property {boolean} [firstRevisionOnly] created once: only a first revision is taken, so replication cannot slip in a rival branch
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

/** Every staff role (the access policy's). */
export const STAFF_ROLES = Object.freeze([...policy.staffRoles])
/** Accounts of members (customers) carry this role; they only read their own realm. */
export const MEMBER_ROLE = policy.memberRole
/** Roles that manage staff accounts and hand out keys. */
const MANAGERS = [...policy.managerRoles]
/** REC-7: roles that work the reception desk (`reception.desk`), who record incidents. */
const DESK_ROLES = STAFF_ROLES.filter((role) => /** @type {readonly string[]} */ (policy.permissionsByRole[role]).includes('reception.desk'))

/**
 * The rules of each clear (typed) database's document types: the access policy
 * names the types (`clearDatabases`), these say what each must carry and who
 * creates, changes or deletes it.
 * @type {Record<string, Record<string, TypeRules>>}
 */
const TYPED_RULES = {
  // What a new device needs before anyone signs in: the organisation and the
  // Argon2id parameters per (hashed) sign-in name. Only admins write them, except that a
  // user republishes their own login document when they replace their setup code or passphrase.
  public: {
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
  org: {
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
      create: { roles: [...STAFF_ROLES] },
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
    // CONF-9, issue 9 §5: the claim on one epoch of a key (`epoch:desk:3`, `epoch:audit:2`,
    // `epoch:card-key:2`), written by the rotation that mints it with a plain PUT before any grant
    // (src/sync/epoch-claim.ts). The first claim stands (a second PUT of the id is a 409), so two
    // rotations never mint the same epoch. It names the signed-in user (`by`) and the device: the
    // same manager on two tablets must not both hold it.
    epoch: {
      id: ['kid'], // `epoch:<kid>`
      signed: true,
      fields: { kid: 'string', device: 'string' },
      create: { roles: MANAGERS },
      update: null,
      delete: null,
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
    // REC-3: a notice to one staff member (a visitor for their host), its body sealed to the
    // recipient's certified ECDH key, so other staff see only that one exists. Its id names its
    // recipient (`notice:<to>:<nid>`), which is how the acknowledgement's rule below knows them;
    // any staff member sends one, in their own name; nobody changes or deletes it.
    notice: {
      id: ['to', 'nid'],
      signed: true,
      firstRevisionOnly: true,
      fields: { to: 'string', nid: 'string', box: 'object', sig: 'string' },
      create: { roles: [...STAFF_ROLES] },
      update: null,
      delete: null,
    },
    // REC-7: an incident against one staff member (`incident:<to>:<iid>`), what it says sealed to them and to the
    // audit public key (managers), so colleagues at the desk see only that one exists. Recorded by a desk user in
    // their own name (the app lets only a manager record a complaint: the kind is sealed, so the server cannot tell);
    // nobody changes or deletes it.
    incident: {
      id: ['to', 'iid'],
      signed: true,
      firstRevisionOnly: true,
      fields: { to: 'string', iid: 'string', box: 'object', auditBox: 'object', akid: 'string', sig: 'string' },
      create: { roles: DESK_ROLES },
      update: null,
      delete: null,
    },
    // REC-3: the recipient's acknowledgement of `notice:<by>:<nid>` (clear: the notice, when, which
    // device). `signed` with an id built from `by` means only the user the notice's id names writes it.
    'notice-ack': {
      id: ['by', 'nid'],
      signed: true,
      firstRevisionOnly: true,
      fields: { nid: 'string', at: 'integer', device: 'string', sig: 'string' },
      create: { roles: [...STAFF_ROLES] },
      update: null,
      delete: null,
    },
  },
}

/** @param {readonly string[]} roles */
const access = (roles) => ({ roles: [...roles] })

/** Issue 14: who asks for a member's sign-in (the staff who serve members). */
export const MEMBER_STAFF_ROLES = Object.freeze([...policy.signinDatabase.typeWriters['member-signin']])
/** Issue 15: who asks for a new technician's database (those who create staff). */
export const TECH_REALM_ROLES = Object.freeze([...policy.signinDatabase.typeWriters['tech-realm']])
/** Everyone who writes a request to `lobby_signin` (its `_security` members). */
const SIGNIN_WRITERS = Object.freeze([...policy.signinDatabase.writers])

/**
 * Issue 14 (BB-11): `member-signin:<userId>`, a one-time code's sign-in for a member. It carries the server password
 * derived from the code and the member's keyring locked under it, so only the staff who serve members write it (the
 * database's readers are they and, since issue 15, admins, who administer `_users` anyway); the follower
 * (member-signins.js, a server admin) applies and deletes it. `signed`: it names its author.
 * @type {Record<string, TypeRules>}
 */
const SIGNIN_RULES = {
  'member-signin': {
    id: ['userId'],
    signed: true,
    fields: { userId: 'string', password: 'string', keyring: 'object', expiresAt: 'integer', at: 'integer' },
    create: { roles: [...MEMBER_STAFF_ROLES] },
    update: { roles: [...MEMBER_STAFF_ROLES] },
    delete: null,
  },
  // Issue 15: `tech-realm:<userId>`, a new technician's own database (lobby_tech_<hex>), asked for by the admin or
  // manager who created them; the follower (tech-realms.js) provisions it only for an account whose roles are exactly
  // `technician`. Nothing secret in it. Asked again over a refused one (the account made since).
  'tech-realm': {
    id: ['userId'],
    signed: true,
    fields: { userId: 'string', at: 'integer' },
    create: { roles: [...TECH_REALM_ROLES] },
    update: { roles: [...TECH_REALM_ROLES] },
    delete: null,
  },
}

/**
 * Realms kept in one database each, by kind:
 * - `typed`: clear documents of a few known types, each with its own rights;
 * - `envelope`: encrypted records (`ct`) of that realm, of any record type but the reserved ones
 *   (`RESERVED_TYPES`), each under an id `<type>:…`, written by the realm's holders;
 * - `audit`: append-only audit entries.
 * `readers` become the database's `_security` members; `null` means everyone,
 * anonymous included. Nobody is a database admin: design documents and
 * `_security` are for server admins only.
 * @type {Readonly<Record<string, { kind: 'typed' | 'envelope' | 'audit', readers: { roles: string[] } | null, writers: { roles: string[] }, types?: Record<string, TypeRules>, typeWriters?: Record<string, { roles: string[] }>, appendOnly?: string[] }>>}
 */
export const FIXED_REALMS = Object.freeze(Object.fromEntries([
  // In the order provisioning creates them: the clear typed databases, the realms, the audit log.
  ...clearEntries('typed'),
  ...Object.entries(policy.sharedRealms).map(([realm, { holders, typeWriters }]) => [realm, {
    kind: 'envelope',
    readers: access(holders),
    writers: access(holders),
    typeWriters: Object.fromEntries(Object.entries(typeWriters).map(([type, roles]) => [type, access(roles)])),
    appendOnly: [...policy.appendOnlyTypes],
  }]),
  ...clearEntries('audit'),
  [policy.signinDatabase.realm, { kind: 'typed', readers: access(SIGNIN_WRITERS), writers: access(SIGNIN_WRITERS), types: signinRules() }],
]))

/**
 * The clear databases of one kind, as the policy lists them, with their type rules.
 * @param {'typed' | 'audit'} kind
 */
function clearEntries(kind) {
  return Object.entries(policy.clearDatabases).filter(([, db]) => db.kind === kind).map(([realm, db]) => {
    const types = TYPED_RULES[realm]
    if (kind === 'typed' && !sameKeys(types, db.types)) throw new Error(`server/provision/rules.js: the ${realm} type rules differ from the access policy's types`)
    return [realm, {
      kind,
      readers: db.readers === 'everyone' ? null : access(STAFF_ROLES),
      // Any staff member may reach the type rules, which say who writes each type (all append audit entries).
      writers: access(STAFF_ROLES),
      ...(kind === 'typed' ? { types } : {}),
    }]
  })
}

/** The request types' rules, checked against the policy's list of them. */
function signinRules() {
  if (!sameKeys(SIGNIN_RULES, Object.fromEntries(policy.signinDatabase.types.map((type) => [type, true])))) {
    throw new Error('server/provision/rules.js: the sign-in request rules differ from the access policy\'s types')
  }
  return SIGNIN_RULES
}

/** @param {object | undefined} a @param {object} b */
function sameKeys(a, b) {
  return a !== undefined && JSON.stringify(Object.keys(a).sort()) === JSON.stringify(Object.keys(b).sort())
}

/**
 * Types that belong to the typed databases and the audit log, never to a realm
 * (envelope) database: a device files each document it pulls into a local
 * table by its type (src/sync/replicated-tables.ts), so an `org`, `device` or
 * `audit-head` document slipped into `lobby_desk` would reach a table it must not.
 */
export const RESERVED_TYPES = Object.freeze([...policy.reservedTypes])

/**
 * Personal realms, one database per user (`member:<userId>`, `tech:<userId>`):
 * written by the staff roles listed and by the user (a technician records
 * work done offline; a member may dispute a charge), read by those and by the
 * user alone among non-staff.
 */
export const PERSONAL_REALMS = Object.freeze(
  Object.fromEntries(Object.entries(policy.personalRealms).map(([kind, { staff }]) => [kind, access(staff)])),
)

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
    const holders = { names: [personal.userId], roles: [...roles] }
    return { realm, kind: 'envelope', readers: holders, writers: holders, typeWriters: {}, appendOnly: [...policy.appendOnlyTypes], reservedTypes: [...RESERVED_TYPES] }
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
 * `member:<userId>` / `tech:<userId>` (the policy's personal kinds) → its kind and user.
 * @param {string} realm
 * @returns {{ kind: keyof typeof policy.personalRealms, userId: string } | null}
 */
export function parsePersonalRealm(realm) {
  const at = realm.indexOf(':')
  const kind = realm.slice(0, Math.max(at, 0))
  if (at <= 0 || at === realm.length - 1 || !Object.hasOwn(policy.personalRealms, kind)) return null
  return { kind: /** @type {keyof typeof policy.personalRealms} */ (kind), userId: realm.slice(at + 1) }
}
