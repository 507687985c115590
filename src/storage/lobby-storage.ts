import { firstAuditKid } from '@/crypto/audit-keys'
import { importEcdhPublicKey } from '@/crypto/user-keys'
import { createSignInsRepo } from './sign-ins.repo'
import { auditedChanges, type AuditAction } from './audit-events'
import { createAuditLog, type AuditPublicKey } from './audit-log'
import type { LobbyDb } from './db'
import { claimDevice, ensureDeviceIdentity, ensureUserDevice, localDeviceIds, type DeviceIdentity, type UserDevice } from './device-identity'
import type { KeySource } from './key-source'
import { createLocalStore } from './local-store'
import { createFirstOpensRepo } from './first-opens.repo'
import { createDeskRecords } from './desk-records.repo'
import { createDevicesRepo } from './devices.repo'
import { createGrantsRepo } from './grants.repo'
import { createReencryption } from './reencrypt'
import { createPeopleRepo } from './people.repo'
import { createStaffRepo } from './staff.repo'
import { createHlcClock } from './hlc-clock'
import type { RepoContext, RepoEvents } from './sealed-repo'
import { createUnlockStateRepo } from './unlock-state.repo'
import { createOrgSettingsRepo } from './org-settings.repo'
import { createMemberListStore } from './member-list.store'
import { countArrivals } from './record-changes'
import { createNoticesRepo } from './notices.repo'
import { createIncidentsRepo } from './incidents.repo'

/**
 * Everything features may reach on this device, wired once: repositories that
 * seal with the session's keys (`keys()` returns nothing while locked) and an
 * audit log that records every write they make.
 */
export function createLobbyStorage(db: LobbyDb, keys: () => KeySource | undefined, userAgent: string) {
  const local = createLocalStore(db)
  // The staff sign-in store: the organisation document, login documents, staff accounts and their locked keyrings.
  const signIns = createSignInsRepo(db)

  let device: Promise<DeviceIdentity> | undefined
  const deviceIdentity = () => (device ??= ensureDeviceIdentity(db, local))
  /** CONF-6/CONF-10: each user's own device on this profile, which signs their audit chain. */
  // Never replaced once made (only a wipe of the whole database removes it): kept for the tab, as every audited write asks.
  const userDevices = new Map<string, Promise<UserDevice>>()
  const userDevice = (userId: string): Promise<UserDevice> => {
    const known = userDevices.get(userId)
    if (known) return known
    const made = ensureUserDevice(db, local, userAgent, userId)
    userDevices.set(userId, made)
    made.catch(() => userDevices.delete(userId))
    return made
  }

  // CONF-9: whatever audit key the organisation document on this device names (an older document: `audit:1`).
  let auditKey: (AuditPublicKey & { jwk: string }) | undefined
  async function auditPublicKey(): Promise<AuditPublicKey | undefined> {
    const org = await signIns.getOrg()
    if (!org) return undefined
    const jwk = JSON.stringify(org.auditPublicJwk)
    const kid = org.auditKid ?? firstAuditKid
    if (auditKey?.jwk !== jwk || auditKey.kid !== kid) auditKey = { jwk, kid, key: await importEcdhPublicKey(org.auditPublicJwk) }
    return { kid: auditKey.kid, key: auditKey.key }
  }

  const audit = createAuditLog(db, local, deviceIdentity, userDevice, auditPublicKey)
  const clock = createHlcClock(local, async () => (await deviceIdentity()).deviceId)
  const quarantineKey = (database: string, doc: { _id: string; _rev?: string }) => `${database}|${doc._id}|${doc._rev}`
  /** CONF-2: a document that failed to open or check is kept aside, never applied, and audited. */
  async function quarantine(database: string, doc: { _id: string; _rev?: string }, reason: string, by: string) {
    const key = quarantineKey(database, doc)
    await db.quarantine.put({ key, database, docId: doc._id, rev: String(doc._rev), reason, at: new Date().toISOString(), doc })
    await audit.append({ action: 'quarantine', by, recordId: doc._id, detail: `${database}: ${reason.slice(0, 120)}` })
  }
  const auditWrites = (ks: () => KeySource | undefined): RepoEvents => ({
    onWrite: async (c) => {
      await audit.append({ action: `record.${c.action}` as AuditAction, by: ks()?.userId ?? 'unknown', recordId: c.id, recordType: c.type })
    },
    writeAll: async (rows, changes) => {
      const by = ks()?.userId ?? 'unknown'
      await audit.appendAll(auditedChanges(changes, by), [db.records], () => db.records.bulkPut(rows))
    },
    // A stored record whose body fails its schema (issue 9 §2): the `records:<realm>` database is this device's own.
    // Each list would find it again: quarantined and audited once per stored version.
    onInvalid: async (row, reason) => {
      const database = `records:${row.realm}`
      if (!(await db.quarantine.get(quarantineKey(database, row)))) await quarantine(database, row, reason, ks()?.userId ?? 'unknown')
    },
  })

  /** Repositories sealing with a given key source, for work done before a session is active (first sign-in). */
  const context = (ks: () => KeySource | undefined): RepoContext => ({ db, keys: ks, clock, events: auditWrites(ks) })
  const withKeys = (ks: KeySource) => ({
    people: createPeopleRepo(context(() => ks)),
    staff: createStaffRepo(context(() => ks)),
    desk: createDeskRecords(context(() => ks)),
    /** For a feature's own realm records (records kit), e.g. its defaults stored at founding. */
    recordContext: context(() => ks),
  })

  /** What the sync layer needs from this device's store (sync/ is the only other layer that knows Dexie). */
  const syncPort = {
    db,
    cursors: {
      get: async (database: string) => (await db.local.get(`cursor:${database}`))?.value as number | string | undefined,
      set: async (database: string, seq: number | string) => void (await db.local.put({ key: `cursor:${database}`, value: seq })),
    },
    /** CONF-2: an incoming document that failed to open is kept aside, never applied, and audited. */
    quarantine: (database: string, doc: { _id: string; _rev?: string }, reason: string) => quarantine(database, doc, reason, keys()?.userId ?? 'unknown'),
    async onMerged(docId: string, leaves: number) {
      await audit.append({ action: 'conflict.merge', by: keys()?.userId ?? 'unknown', recordId: docId, detail: `${leaves} versions` })
    },
    /** Issue 8 §5: an append-only record with rival versions: tampering, for managers to look into. */
    async onTampered(docId: string, leaves: number) {
      await audit.append({ action: 'conflict.tamper', by: keys()?.userId ?? 'unknown', recordId: docId, detail: `${leaves} versions` })
    },
    observeClock: (c: string) => clock.observe(c),
    listQuarantine: () => db.quarantine.orderBy('at').reverse().toArray(),
    /** The databases this device has pulled from a sync server at least once (a cursor kept for each). */
    pulledDatabases: async () => (await db.local.where('key').startsWith('cursor:').primaryKeys()).map((k) => k.slice('cursor:'.length)),
  }

  return {
    signIns,
    syncPort,
    withKeys,
    unlockState: createUnlockStateRepo(local),
    /** Which features' first-open set-up this device has done, per organisation (app/first-open.ts). */
    firstOpens: createFirstOpensRepo(local),
    deviceIdentity,
    claimDevice: async (userId: string) => claimDevice(db, (await deviceIdentity()).deviceId, userId),
    userDevice,
    /** Every device id of this profile (its own, and each user's): the Devices page marks them, revocation of any wipes it. */
    localDeviceIds: () => localDeviceIds(db),
    devices: createDevicesRepo(db),
    /** CONF-2: incoming documents that failed to open, kept aside (never applied) for managers to see. */
    quarantined: async () =>
      (await db.quarantine.orderBy('at').reverse().toArray()).map(({ database, docId, rev, reason, at }) => ({ database, docId, rev, reason, at })),
    /** CONF-9: realm keys wrapped to their holders after a rotation, and re-encryption of older records. */
    grants: createGrantsRepo(db, local),
    reencrypt: createReencryption(db, local, keys, audit),
    /** CONF-10: a revoked device forgets everything it held: the whole local database goes. */
    wipeDevice: async () => {
      db.close()
      await db.delete()
    },
    audit,
    clock,
    /** Issue 9 §4: name, time zone, building hours, idle lock and CONF-8 agreement: clear, for every staff role. */
    orgSettings: createOrgSettingsRepo(db, audit),
    people: createPeopleRepo(context(keys)),
    staff: createStaffRepo(context(keys)),
    desk: createDeskRecords(context(keys)),
    /**
     * What a feature builds its own realm records with (`@/storage/records`: `defineEvents`, `eventRecords`, …), so a
     * desk's repository lives in its own folder: sealed with the session's keys, every write audited.
     */
    recordContext: context(keys),
    /** The members list's device-local sealed rows, and the desk and directory records changed since they were folded. */
    memberList: createMemberListStore(db, keys),
    /**
     * Desk records other devices' changes brought in (sync), counted in this tab: the check-in page re-reads only
     * then; that some arrived is kept until the re-index they may owe has run (`settle`).
     */
    deskArrivals: countArrivals(db, (row) => row.realm === 'desk', 'desk'),
    /** REC-3: notices to staff members (sealed to them, in `lobby_org`) and their acknowledgements. */
    notices: createNoticesRepo({ db, local, keys, signIns, userDevice, quarantine: syncPort.quarantine }),
    /** REC-7: incidents against staff members, sealed to them and to the audit key (managers), in `lobby_org`. */
    incidents: createIncidentsRepo({ db, keys, signIns, userDevice, auditPublicKey, quarantine: syncPort.quarantine }),
  }
}

export type LobbyStorage = ReturnType<typeof createLobbyStorage>
