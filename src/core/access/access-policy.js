// @ts-check
/**
 * One access policy (issue 9 §3): what each role may do in the app, the realms, who holds (reads) each, who may
 * write which record types, which types are events, and which document types
 * belong to the clear databases. Read by both sides: the app
 * (src/core/access/roles.ts, src/storage/append-only.ts, src/sync/*) and the
 * sync server, which builds every `_security` object and `validate_doc_update`
 * from it (server/provision/rules.js). A new realm or record type is one edit
 * here; test/server/provision-agreement.test.ts then checks both sides on it.
 *
 * Plain data in plain ESM JavaScript, not TypeScript or JSON: the server runs
 * under Node without a build, Vite and TypeScript (allowJs) read it as it is,
 * and unlike JSON it can say why each line is there. No imports: it stays pure.
 */

/** CONF-3 staff roles (ARCHITECTURE.md "Roles"). */
export const staffRoles = /** @type {const} */ (['frontdesk', 'agent', 'technician', 'lead', 'manager', 'admin'])

/** Accounts of members (customers) carry this role; they only ever see their own realm. */
export const memberRole = 'member'

/** Roles that manage staff accounts, hand out keys, and decide what only a manager decides. */
export const managerRoles = /** @type {const} */ (['admin', 'manager'])

/**
 * CONF-3: what a signed-in user may do in the app. Screens, stores and the
 * router check these (src/core/access/permissions.ts); the server never sees
 * them: it enforces the realms below, whatever a device's screens allow. A new
 * desk names its permission here and gives it to the roles that work it.
 */
export const permissions = /** @type {const} */ ([
  'desk.use', // member check-in at the desk
  'reception.desk', // REC-1 … REC-6: registering visitors, who is in the building, expected visitors
  'members.manage', // enrolment, renewal, cards
  'members.blacklist', // MEM-9: a manager's decision
  'broadband.use', // accounts, payments, service requests
  'field.work', // SVC-3: the technician's own dispatched jobs, on their phone
  'field.dispatch', // SVC-2: the dispatch queue, reassignment, the technicians' day board; SVC-5: the lead's reports
  'service.take', // SVC-1: taking a service request, an enquiry or a complaint
  'service.followup', // SVC-4: return visits (calls after a job, unreachable, reopening)
  'overview.view', // issue 15 §8: the manager's day at a glance
  'grants.approve', // CONF-4 access and CONF-5 export approvals
  'settings.manage', // tiers, prices, hours
  'organisation.manage', // issue 9 §4: the organisation settings (names, time zone, building hours, idle lock, agreement)
  'audit.review', // CONF-6
  'incidents.review', // REC-7: every staff member's incidents and where they stand on the ladder; recording a complaint
  'staff.manage', // accounts, roles, deactivation
  'devices.manage', // CONF-10
  'keys.manage', // rotation, grants of realm keys
  'self.view', // a member's own account
  'self.issue', // issue 14 (BB-11): a member's sign-in on their phone, and a new one-time code when they forget their password
])

/** CONF-3: the permissions of each role (ARCHITECTURE.md "Roles"); a role not listed may do nothing. */
export const permissionsByRole = /** @type {const} */ ({
  frontdesk: ['desk.use', 'reception.desk', 'self.issue', 'service.take'],
  agent: ['broadband.use', 'self.issue', 'service.take', 'service.followup'],
  technician: ['field.work'],
  lead: ['desk.use', 'reception.desk', 'members.manage', 'broadband.use', 'field.dispatch', 'grants.approve', 'self.issue', 'service.take', 'service.followup'],
  manager: [
    'desk.use', 'reception.desk', 'members.manage', 'members.blacklist', 'broadband.use', 'field.dispatch', 'grants.approve', 'self.issue',
    'service.take', 'service.followup', 'overview.view', 'settings.manage', 'organisation.manage', 'audit.review', 'incidents.review', 'staff.manage', 'devices.manage',
  ],
  admin: ['organisation.manage', 'staff.manage', 'devices.manage', 'keys.manage'],
  member: ['self.view'],
})

/**
 * Shared realms: one envelope database each (`<prefix><realm>`) of records
 * sealed with the realm key. `holders` hold the realm key, so read the
 * database and write its records (CONF-3); the admin holds keys as their
 * custodian, to hand them to new staff, though no screen shows it customer
 * data (docs/security.md). `typeWriters`: record types only some holders write.
 */
export const sharedRealms = /** @type {const} */ ({
  directory: {
    holders: ['frontdesk', 'agent', 'lead', 'manager', 'admin'],
    // Staff profiles: only those who manage staff write them.
    typeWriters: { staff: managerRoles },
  },
  desk: {
    holders: ['frontdesk', 'lead', 'manager', 'admin'],
    // MEM-1/MEM-2 settings, MEM-8 card key and MEM-9 blacklisting are a manager's; so is the REC-2 table
    // (reception settings). REC-5: only the principal (a `manager`, core/reception/restricted.ts) approves a
    // visit to a restricted place.
    typeWriters: {
      'membership-settings': managerRoles,
      'card-key': managerRoles,
      blacklist: managerRoles,
      'reception-settings': managerRoles,
      'visit-approval': ['manager'],
    },
  },
  accounts: {
    holders: ['agent', 'lead', 'manager', 'admin'],
    // A month charged twice by two offline bill runs: which charge counts is a manager's decision (issue 12 §3).
    typeWriters: { 'bb-duplicate-review': managerRoles },
  },
  field: {
    // Issue 15: the front desk takes service requests too (SVC-1), so it holds the realm they are sealed in.
    holders: ['frontdesk', 'agent', 'lead', 'manager', 'admin'],
    // SVC-2: dispatching is a lead's (or a manager's); the unreachable rule's setting (SVC-4) is a manager's.
    typeWriters: { 'svc-dispatch': ['lead', 'manager'], 'svc-settings': managerRoles },
  },
})

/**
 * Personal realms `<kind>:<userId>`, one envelope database per user
 * (`<prefix><kind>_<hex of the user id>`): held by that user and by the staff
 * roles listed (a technician records work done offline; a member may dispute a
 * charge). No record type there is kept to fewer writers.
 */
export const personalRealms = /** @type {const} */ ({
  // Issue 14: the desk (membership) and the counter (broadband) both keep a member's views current.
  member: { staff: ['frontdesk', 'agent', 'lead', 'manager'] },
  // Issue 15: a technician's jobs, written by the leads and managers who dispatch them. Its key travels by signed
  // grants (src/core/access/tech-realms.ts); `custodians` keep it only to hand it to new leads and managers, as the
  // admin keeps every shared realm key, and never read the database (the server's `_security` leaves them out).
  tech: { staff: ['lead', 'manager'], custodians: ['admin'] },
})

/**
 * Record types that are events, in every envelope database: created once,
 * never changed or deleted (a mistake is corrected by a further event), so
 * nothing paid or recorded offline is lost and two tablets never conflict
 * over them (ARCHITECTURE.md "Sync").
 */
export const appendOnlyTypes = /** @type {const} */ ([
  'ledger', 'checkin', 'checkout', 'blacklist', 'service-log', 'card-key',
  // Reception (REC-1, REC-5, REC-6): a visit, its check-out and approval. (A REC-7 incident is no realm record: see `org`.)
  'visit', 'visit-checkout', 'visit-approval',
  // Broadband (BB-1 … BB-13), in `accounts`: the ledger, status changes, dunning steps and objections to new terms.
  'bb-ledger', 'bb-status', 'bb-dunning', 'bb-objection',
  // Issue 14: what a member sends from their phone into their own database (BB-7 disputes, BB-13 objections).
  'self-dispute', 'self-objection', 'self-password',
  // Issue 15 (SVC-2, SVC-4), in `field`: dispatches, return-visit calls, closes and reopenings. A finished job taken in
  // from a technician's realm (`svc-completion`, `svc-photo`, `svc-signature`) is not an event: two leads' devices may
  // take the same job in at once, under the same ids, and mutable records converge where events would conflict. The
  // technician's own realm holds no event either: all of a job is deleted there when it is closed.
  'svc-dispatch', 'svc-contact', 'svc-close', 'svc-reopen',
])

/**
 * The clear databases and the document types each holds, with the local
 * (Dexie) table a device files them in (src/sync/replicated-tables.ts).
 * `readers`: `everyone` (anonymous included: what a new device needs before
 * anyone signs in), or `staff`. Who may write each type is the server's
 * detail (server/provision/rules.js), as only the server checks it.
 * `audit`: every device appends entries sealed to the audit public key; only
 * managers pull them, as only they hold the audit private key (CONF-6).
 */
export const clearDatabases = /** @type {const} */ ({
  public: { kind: 'typed', readers: 'everyone', types: { org: 'org', 'org-settings': 'org', login: 'org' } },
  org: {
    kind: 'typed',
    readers: 'staff',
    types: {
      account: 'accounts', keyring: 'keyrings', grant: 'keyrings', cert: 'keyrings', 'audit-key': 'keyrings', epoch: 'keyrings', device: 'devices',
      // REC-3: a staff member's notices (the body sealed to them) and their acknowledgements, in a table of their own.
      notice: 'notices', 'notice-ack': 'notices',
      // REC-7: an incident against a staff member, sealed to them and to the audit key (managers), never to a realm
      // every colleague at the desk holds; filed beside the notices (found by `to` and `by` alike).
      incident: 'notices',
    },
  },
  audit: { kind: 'audit', readers: 'staff', types: { audit: 'audit', 'audit-head': 'audit' } },
})

/**
 * Issue 14 (BB-11): a member's sign-in is asked for here by the staff who serve members (`member-signin:<userId>`:
 * the server password and locked keyring of a one-time code); the server's follower
 * (server/provision/member-signins.js, in the embedded server, or `npm run provision -- --follow` beside CouchDB)
 * turns each into the member's server account and personal database, then deletes it. No device replicates it.
 * Issue 15: those who create staff ask here for a new technician's own database (`tech-realm:<userId>`, nothing
 * secret in it); the same follower provisions it. `typeWriters`: who writes each request; `writers`: all of them.
 */
const signinTypeWriters = /** @type {const} */ ({
  'member-signin': personalRealms.member.staff,
  'tech-realm': managerRoles,
})
export const signinDatabase = /** @type {const} */ ({
  realm: 'signin',
  typeWriters: signinTypeWriters,
  writers: /** @type {readonly ('frontdesk' | 'agent' | 'lead' | 'manager' | 'admin')[]} */ ([...new Set(Object.values(signinTypeWriters).flat())]),
  types: /** @type {const} */ (['member-signin', 'tech-realm']),
})

/** Roles that read the audit log (hold the audit private key). */
export const auditReaders = /** @type {const} */ (['manager'])

/**
 * Types no envelope database takes and no record may use: those of the clear
 * databases. A device files each document it pulls into a local table by its
 * type, so an `org`, `device` or `audit-head` document slipped into a realm
 * database would reach a table it must not (issue 8).
 */
export const reservedTypes = Object.freeze([...Object.values(clearDatabases).flatMap((db) => Object.keys(db.types)), ...signinDatabase.types])
