import type { Envelope } from '@/crypto/envelope'
import { LobbyDb } from './db'
import { recordsOfType } from './records-of-type'

/**
 * Issue 14 (CONF-11): a member's phone. Its own IndexedDB database (`lobby-self`), apart from any staff sign-in
 * in the same browser, holding only what the member's own realm database sends, the organisation's public name and
 * zone, and the member's keyring locked under their password. Nothing here is readable without that password.
 */
export const selfDatabaseName = 'lobby-self'

const signinKey = 'self-signin'
const orgKey = 'self-org'

export function createSelfDevice(db: LobbyDb = new LobbyDb(selfDatabaseName)) {
  return {
    db,
    /** The member's sign-in as kept on this phone (identity/member-sign-in.ts `KeptMemberSignin`; the keyring locked). */
    keptSignin: async (): Promise<unknown> => (await db.local.get(signinKey))?.value,
    keepSignin: async (kept: unknown) => void (await db.local.put({ key: signinKey, value: kept })),
    /** The organisation the phone belongs to: its id (for the member's name and salt), names and time zone. */
    org: async (): Promise<unknown> => (await db.local.get(orgKey))?.value,
    keepOrg: async (org: unknown) => void (await db.local.put({ key: orgKey, value: org })),
    /** The sealed envelopes of one view type in one realm. */
    envelopesOf: async (type: string, realm: string): Promise<Envelope[]> =>
      ((await recordsOfType(db, type).toArray()) as Envelope[]).filter((row) => row.realm === realm),
    envelope: async (id: string): Promise<Envelope | undefined> => (await db.records.get(id)) as Envelope | undefined,
    /** A sealed request of the member's, marked to go up with the next sync round. */
    putOwn: async (envelope: Envelope) => void (await db.records.put({ ...envelope, _local: 1 })),
    /** What the sync engine needs (sync/ reaches Dexie only through a port like this). */
    syncPort: {
      db,
      cursors: {
        get: async (database: string) => (await db.local.get(`cursor:${database}`))?.value as number | string | undefined,
        set: async (database: string, seq: number | string) => void (await db.local.put({ key: `cursor:${database}`, value: seq })),
      },
      quarantine: async (database: string, doc: { _id: string; _rev?: string }, reason: string) =>
        void (await db.quarantine.put({ key: `${database}|${doc._id}|${doc._rev}`, database, docId: doc._id, rev: String(doc._rev), reason, at: new Date().toISOString(), doc })),
    },
    /** Signing out on a phone forgets the member entirely: their data stays only on the server. */
    forget: async () => {
      db.close()
      await db.delete()
    },
  }
}

export type SelfDevice = ReturnType<typeof createSelfDevice>
