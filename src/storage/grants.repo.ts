import type { SealedBox } from '@/crypto/sealed-box'
import type { LobbyDb } from './db'
import type { AuditKeyDoc, LocalMark } from './documents'
import type { LocalStore } from './local-store'

/**
 * CONF-9: one new realm key (and its index key) wrapped to one user: a sealed
 * box to their ECDH public key (`sealed-box.ts`), context `grant|<userId>|<kid>`.
 * Replicated through `lobby_org` (created by an admin or manager, deleted by
 * its recipient once the key is in their keyring, server/provision/rules.js).
 * Grants are key material addressed to a keyring, so on the device they sit in
 * the `keyrings` table beside the keyrings (its `userId` index finds a user's grants).
 */
export interface GrantDoc extends LocalMark {
  _id: string // `grant:<userId>:<kid>`
  type: 'grant'
  userId: string
  kid: string
  /** who wrote it (the server checks it is the signed-in user, on deletions too) */
  by: string
  box: SealedBox
  createdAt: string
  /** CONF-9: the grantor's ECDSA signature of id, recipient, kid and box (`key-grants.ts`); a grant without a valid one is refused */
  sig?: string
}

export const grantId = (userId: string, kid: string) => `grant:${userId}:${kid}`
export const auditKeyDocId = (kid: string) => `audit-key:${kid}`

const supplementKey = (userId: string) => `key-supplement:${userId}`

/** Grants in the device's store, and a device-local copy of accepted ones for a PIN box that predates them. */
export function createGrantsRepo(db: LobbyDb, local: LocalStore) {
  const table = () => db.table<GrantDoc, string>('keyrings')
  const isGrant = (row: { type?: string; _deleted?: boolean }): boolean => row.type === 'grant' && !row._deleted

  return {
    put: async (grant: GrantDoc): Promise<void> => void (await table().put({ ...grant, _local: 1 })),
    /** CONF-9: every grant of one rotation at once, or none (a departure resumed after a crash never finds half of them). */
    putAll: async (grants: GrantDoc[]): Promise<void> => void (await db.transaction('rw', db.keyrings, () => table().bulkPut(grants.map((g) => ({ ...g, _local: 1 as const }))))),
    /** Grants waiting for `userId` (not yet accepted into their keyring). */
    addressedTo: async (userId: string): Promise<GrantDoc[]> => (await table().where('userId').equals(userId).toArray()).filter(isGrant),
    /** Every grant on this device, whoever it is for (to find the newest epoch anyone was given). */
    all: async (): Promise<GrantDoc[]> => (await table().filter(isGrant).toArray()),
    /** CONF-9: records the public half of a new audit key pair (replicates through `lobby_org`). */
    putAuditKey: async (doc: AuditKeyDoc): Promise<void> => void (await db.table<AuditKeyDoc, string>('keyrings').put({ ...doc, _local: 1 })),
    /** Every audit public key minted at a rotation that this device has seen. */
    auditKeys: async (): Promise<AuditKeyDoc[]> =>
      (await db.table<AuditKeyDoc, string>('keyrings').filter((r) => r.type === 'audit-key' && !r._deleted).toArray()),
    /**
     * Deletes a grant: a grant that never left this device is simply forgotten, a
     * replicated one becomes a tombstone naming who deleted it (`by`), as the server requires.
     */
    async remove(grant: GrantDoc, by: string): Promise<void> {
      if (!grant._rev) return void (await table().delete(grant._id))
      const { _id, _rev, userId, kid } = grant
      await table().put({ _id, _rev, type: 'grant', userId, kid, by, _deleted: true, _local: 1 } as GrantDoc)
    },
    /**
     * Accepted grants kept on this device (never replicated) for a PIN unlock: the
     * PIN box holds the keyring as it was when the PIN was set, and the boxes open
     * only with the user's own ECDH private key, which that keyring holds.
     */
    supplement: async (userId: string): Promise<GrantDoc[]> => (await local.get<GrantDoc[]>(supplementKey(userId))) ?? [],
    async keepForPin(userId: string, grants: GrantDoc[]): Promise<void> {
      const kept = (await local.get<GrantDoc[]>(supplementKey(userId))) ?? []
      const ids = new Set(kept.map((g) => g._id))
      const strip = ({ _id, type, userId: u, kid, by, box, createdAt, sig }: GrantDoc): GrantDoc => ({ _id, type, userId: u, kid, by, box, createdAt, ...(sig ? { sig } : {}) })
      await local.set(supplementKey(userId), [...kept, ...grants.filter((g) => !ids.has(g._id)).map(strip)])
    },
  }
}

export type GrantsRepo = ReturnType<typeof createGrantsRepo>
