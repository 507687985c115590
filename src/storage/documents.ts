import type { KeyCertificate } from '@/crypto/certificates'
import type { Envelope } from '@/crypto/envelope'
import type { KdfParams } from '@/crypto/kdf-params'
import type { LockedKeyring } from '@/crypto/keyring'
import type { SealedBox } from '@/crypto/sealed-box'
import type { StaffRole } from '@/core/access/roles'

/**
 * Clear documents other than envelopes. None holds personal data: ids are
 * random, the sign-in name is stored only as a salted hash, and keys are
 * either public or locked under the user's passphrase.
 */

export interface OrgSettings {
  /** CONF-8: agreement text per UI language. */
  agreement: { 'zh-CN': string; en: string }
  /** CONF-7: idle seconds before the screen locks, per device kind. */
  idleLockSeconds: { frontdesk: number; personal: number }
}

export interface OrgDoc extends LocalMark {
  _id: 'org'
  type: 'org'
  orgId: string
  createdAt: string
  /** Audit entries are sealed to this key; only managers hold the private half. */
  auditPublicJwk: JsonWebKey
  /** CONF-9: which audit key pair `auditPublicJwk` is (`audit:<epoch>`); absent in older documents, meaning `audit:1`. */
  auditKid?: string
  settings: OrgSettings
  /**
   * CONF-9: the organisation's root of trust, the founding admin and their ECDSA
   * public key. A device pins it when it joins (device-local state) and never
   * takes a different one from the server; absent in organisations founded
   * before certificates, until the founder's next sign-in adds it.
   */
  root?: { userId: string; publicJwk: JsonWebKey }
}

/**
 * Pre-login lookup, public on the server: which user a (hashed) sign-in name
 * is, and the Argon2id parameters to derive their keys. A new device needs it
 * before it can sign in to the server at all.
 */
export interface LoginDoc extends LocalMark {
  _id: string // `login:<login hash>`
  type: 'login'
  userId: string
  kdf: KdfParams
}

export type AccountStatus = 'active' | 'deactivated'

export interface AccountDoc extends LocalMark {
  _id: string // `account:<userId>`
  type: 'account'
  userId: string
  /** Salted hash of the normalised sign-in name: finds the account without storing the name. */
  login: string
  role: StaffRole
  status: AccountStatus
  /** `pending` until the user replaces the one-time setup code with their own passphrase. */
  setup: 'pending' | 'done'
  agreementAcceptedAt?: string
  /** CONF-8: the agreement version accepted then (organisation settings); absent: accepted before versions, version 1. */
  agreementVersion?: number
  createdBy: string
  createdAt: string
  /**
   * CONF-9: a departure still under way, recorded with the deactivation before
   * anything else: the steps left (`realm:<name>`, `audit`, `certs`), retried
   * by any admin or manager device until none is left.
   */
  departure?: { pending: string[]; by: string; at: string }
}

export interface KeyringDoc extends LocalMark {
  _id: string // `keyring:<userId>`
  type: 'keyring'
  userId: string
  publicKeys: { ecdh: JsonWebKey; ecdsa: JsonWebKey }
  locked: LockedKeyring
}

/**
 * CONF-9: an account's public keys, certified (`cert:<userId>` in `lobby_org`,
 * beside the keyrings on the device). Written by the certifier (`by`, checked
 * by the server); a device trusts it only through the chain to its pinned root.
 */
export interface CertDoc extends LocalMark, KeyCertificate {
  _id: string // `cert:<userId>`
  type: 'cert'
}

/** What a device pins of its organisation's root (device-local, never replaced by synced data). */
export interface PinnedRoot {
  orgId: string
  userId: string
  publicJwk: JsonWebKey
}

/** A device that writes audit entries; its public key verifies them (CONF-6, CONF-10). */
export interface DeviceDoc extends LocalMark {
  _id: string // `device:<deviceId>`
  type: 'device'
  /** Its user, or the manager who revoked it (the server checks it is the one writing). Legacy devices: the first user who synced. */
  by?: string
  /**
   * CONF-6/CONF-10: the one user this device belongs to; `deviceId` is `<userId>:<random>`. A shared
   * tablet has one per user who signed in on it. Absent on devices registered before (legacy: one per browser profile).
   */
  userId?: string
  /** CONF-10: set by a manager; the device wipes its local data at its next sync. */
  revoked?: { by: string; at: string }
  deviceId: string
  publicJwk: JsonWebKey
  userAgent: string
  registeredAt: string
}

/**
 * CONF-9: the public half of one audit key pair, as minted at a rotation
 * (`audit-key:<kid>` in `lobby_org`, written by a manager or admin, never
 * changed). An admin's device publishes the newest into the organisation
 * document, which only admins may write on the server. Kept beside the
 * keyrings on the device (the `keyrings` table).
 */
export interface AuditKeyDoc extends LocalMark {
  _id: string // `audit-key:<kid>`
  type: 'audit-key'
  kid: string
  publicJwk: JsonWebKey
  /** who minted it (the server checks it is the signed-in user) */
  by: string
  createdAt: string
  /** CONF-9: the minter's signature of kid and public key (`key-grants.ts`); a key without a valid one is never published */
  sig?: string
}

/** One link of a device's hash chain. The event itself is inside `box`, readable by managers only. */
export interface AuditEntry extends LocalMark {
  _id: string
  type: 'audit'
  realm: 'audit'
  v: 1
  by: string
  dev: string
  seq: number
  prev: string
  box: SealedBox
  /** CONF-9: the audit key `box` is sealed to (`audit:<epoch>`); absent in older entries, meaning `audit:1`. Covered by `hash`. */
  akid?: string
  hash: string
  sig: string
}

/**
 * CONF-6: the newest entry of one device's chain, signed by that device (`audit-head:<dev>`, in
 * `lobby_audit` beside the entries). Only moves forward; verification reports entries missing before it.
 */
export interface AuditHead extends LocalMark {
  _id: string
  type: 'audit-head'
  realm: 'audit'
  dev: string
  seq: number
  hash: string
  sig: string
}

/**
 * REC-3: a notice to one staff member (`notice:<to>:<nid>` in `lobby_org`): what it says (kind, body, time) is
 * sealed to the recipient's certified ECDH key, so other staff see only that one exists, from whom to whom.
 * Signed by its author (`by`, checked by the server); written once, never changed (server/provision/rules.js).
 */
export interface NoticeDoc extends LocalMark {
  _id: string // `notice:<to>:<nid>`
  type: 'notice'
  to: string
  nid: string
  by: string
  box: SealedBox
  /** the author's ECDSA signature of id, recipient, author and box (`notices.repo.ts`) */
  sig: string
}

/**
 * REC-7: an incident against one staff member (`incident:<to>:<iid>` in `lobby_org`, filed with the notices). What it
 * says (kind, note, visit, day) is sealed twice: to the person concerned's certified ECDH key (`box`) and to the
 * organisation's audit public key (`auditBox`, epoch `akid`), which only managers hold; colleagues see only that one
 * exists, from whom to whom. Signed by its author (`by`); written once, never changed (server/provision/rules.js).
 */
export interface IncidentDoc extends LocalMark {
  _id: string // `incident:<to>:<iid>`
  type: 'incident'
  to: string
  iid: string
  by: string
  box: SealedBox
  auditBox: SealedBox
  akid: string
  /** the author's ECDSA signature of id, subject, author, both boxes and the audit key id (`incidents.repo.ts`) */
  sig: string
}

/** REC-3: the recipient's acknowledgement of `notice:<by>:<nid>`, in clear (no personal data): written once, by them alone. */
export interface NoticeAckDoc extends LocalMark {
  _id: string // `notice-ack:<by>:<nid>`
  type: 'notice-ack'
  by: string
  nid: string
  /** when it was acknowledged (ms since the epoch) */
  at: number
  /** the recipient's device it was acknowledged on (`<userId>:<random>`) */
  device: string
  /** the recipient's ECDSA signature of id, author, notice, time and device */
  sig: string
}

/** Device-local material that never leaves this device (not replicated). */
export interface LocalSecret {
  key: string
  value: unknown
}

/** Marks a row written on this device and not yet sent to the server. Stripped before it leaves. */
export interface LocalMark {
  _local?: 1
  /** The server refused this version (its reason): kept here, not sent again (sync/outgoing.ts). Never leaves. */
  _refused?: string
  _rev?: string
  _deleted?: boolean
}

/** An incoming document that failed to open or verify: kept aside, never applied (CONF-2). */
export interface QuarantinedDoc {
  key: string // `${database}|${_id}|${_rev}`
  database: string
  docId: string
  rev: string
  reason: string
  at: string
  doc: unknown
}

/** A sealed record as this device stores it. */
export type StoredEnvelope = Envelope & LocalMark
