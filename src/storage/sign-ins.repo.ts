import { utf8 } from '@/crypto/bytes'
import { sha256 } from '@/crypto/signature'
import type { LobbyDb } from './db'
import type { KdfParams } from '@/crypto/kdf-params'
import type { AccountDoc, CertDoc, KeyringDoc, LoginDoc, OrgDoc, PinnedRoot } from './documents'

/** Sign-in names are compared case- and width-insensitively. */
export function normaliseLogin(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase()
}

/** The account's lookup key: a hash salted with the organisation id, so the name itself is never stored in clear. */
export function loginHash(orgId: string, username: string): Promise<string> {
  return sha256(utf8(`lobby-login|${orgId}|${normaliseLogin(username)}`))
}

async function revOf(db: LobbyDb, id: string): Promise<{ _rev?: string }> {
  const rev = (await db.org.get(id))?._rev
  return rev ? { _rev: rev } : {}
}

/** Device-local: new Argon2id parameters waiting for the published login document's revision. */
const pendingKey = (id: string) => `login-pending:${id}`
type PendingLogin = { userId: string; kdf: KdfParams }

/**
 * Writes new parameters over the login document this device holds, as an update of its revision.
 * Without a revision there is nothing to base the update on: a write then would reach the server as a
 * rival first revision (a conflict whose winner may be the setup code's parameters), so it waits.
 */
async function republish(db: LobbyDb, id: string, pending: PendingLogin): Promise<boolean> {
  return db.transaction('rw', db.org, db.local, async () => {
    const held = (await db.org.get(id)) as LoginDoc | undefined
    // A row still waiting for its first push (created on this device) has no revision yet and needs none.
    if (!held?._rev && !held?._local) {
      await db.local.put({ key: pendingKey(id), value: pending })
      return false
    }
    await db.table<LoginDoc, string>('org').put({ ...held, ...pending, _local: 1 })
    await db.local.delete(pendingKey(id))
    return true
  })
}

/** The staff sign-in store: the organisation, login documents, staff accounts and their locked keyrings (not broadband accounts, which are a realm). */
export function createSignInsRepo(db: LobbyDb) {
  return {
    getOrg: async (): Promise<OrgDoc | undefined> => (await db.org.get('org')) as OrgDoc | undefined,
    /** Publishes (for the server) which user a sign-in name is and how to derive their keys. */
    async putLogin(login: string, userId: string, kdf: KdfParams): Promise<void> {
      const doc: LoginDoc = { _id: `login:${login}`, type: 'login', userId, kdf, _local: 1, ...(await revOf(db, `login:${login}`)) }
      await db.table<LoginDoc, string>('org').put(doc)
    },
    /**
     * CONF-8: the owner replaces the parameters of their published login document (setup code →
     * passphrase). Based on the revision this device holds; with none (it never received the
     * document) the change is kept here and goes out by `publishPendingLogins` once it has one.
     * Returns whether it was written now.
     */
    republishLogin: (login: string, userId: string, kdf: KdfParams): Promise<boolean> => republish(db, `login:${login}`, { userId, kdf }),
    /**
     * Republishes `userId`'s parameters that waited for a revision, once their login document has arrived.
     * Only the owner's: the server takes an update of a login document from its user alone.
     */
    async publishPendingLogins(userId: string): Promise<void> {
      const waiting = await db.local.where('key').startsWith(pendingKey('')).toArray()
      for (const { key, value } of waiting) {
        const id = key.slice(pendingKey('').length)
        if ((value as PendingLogin).userId === userId && (await db.org.get(id))?._rev) await republish(db, id, value as PendingLogin)
      }
    },
    /**
     * Keeps a login document fetched from the server (with its revision), so that this device's
     * own update is based on it; never over a newer revision or an unsent local edit.
     */
    async keepLogin(fetched: LoginDoc): Promise<void> {
      if (fetched.type !== 'login' || !fetched._rev || !fetched._id.startsWith('login:')) return
      await db.transaction('rw', db.org, async () => {
        const held = await db.org.get(fetched._id)
        if (held?._local || (held?._rev && Number.parseInt(held._rev, 10) >= Number.parseInt(fetched._rev!, 10))) return
        const { _local: _never, ...doc } = fetched
        await db.table<LoginDoc, string>('org').put(doc)
      })
    },
    putOrg: async (org: OrgDoc): Promise<void> => void (await db.org.put({ ...org, _local: 1 })),
    getAccount: (userId: string): Promise<AccountDoc | undefined> => db.accounts.get(`account:${userId}`),
    findAccountByLogin: (login: string): Promise<AccountDoc | undefined> => db.accounts.where('login').equals(login).first(),
    listAccounts: (): Promise<AccountDoc[]> => db.accounts.toArray(),
    putAccount: async (account: AccountDoc): Promise<void> => void (await db.accounts.put({ ...account, _local: 1 })),
    getKeyring: (userId: string): Promise<KeyringDoc | undefined> => db.keyrings.get(`keyring:${userId}`),
    putKeyring: async (keyring: KeyringDoc): Promise<void> => void (await db.keyrings.put({ ...keyring, _local: 1 })),
    getCert: async (userId: string): Promise<CertDoc | undefined> => {
      const doc = (await db.keyrings.get(`cert:${userId}`)) as unknown as CertDoc | undefined
      return doc?.type === 'cert' && !doc._deleted ? doc : undefined
    },
    listCerts: async (): Promise<CertDoc[]> => (await db.keyrings.filter((r) => (r as { type: string }).type === 'cert' && !r._deleted).toArray()) as unknown as CertDoc[],
    /** Writes (or replaces, keeping the revision) an account's certificate. */
    async putCert(cert: CertDoc): Promise<void> {
      const rev = (await db.keyrings.get(cert._id))?._rev
      await db.table<CertDoc, string>('keyrings').put({ ...cert, _local: 1, ...(rev ? { _rev: rev } : {}) })
    },
    /** CONF-9: the root this device pinned when it joined (device-local: never replicated, never replaced by synced data). */
    getPinnedRoot: async (): Promise<PinnedRoot | undefined> => (await db.local.get('trust-root'))?.value as PinnedRoot | undefined,
    pinRoot: async (root: PinnedRoot): Promise<void> => void (await db.local.put({ key: 'trust-root', value: root })),
    /** CONF-9: users this device has seen deactivated (device-local): never trusted again, whatever account document arrives later. */
    getDeparted: async (): Promise<string[]> => ((await db.local.get('trust-departed'))?.value as string[] | undefined) ?? [],
    putDeparted: async (userIds: string[]): Promise<void> => void (await db.local.put({ key: 'trust-departed', value: userIds })),
    /** Writes a new account with its keyring atomically: never an account that cannot sign in. */
    async createAccount(account: AccountDoc, keyring: KeyringDoc): Promise<void> {
      await db.transaction('rw', db.accounts, db.keyrings, async () => {
        if (await db.accounts.where('login').equals(account.login).first()) throw new DuplicateLoginError()
        await db.accounts.add({ ...account, _local: 1 })
        await db.keyrings.put({ ...keyring, _local: 1 })
      })
    },
  }
}

export type SignInsRepo = ReturnType<typeof createSignInsRepo>

export class DuplicateLoginError extends Error {
  constructor() {
    super('That sign-in name is already taken.')
    this.name = 'DuplicateLoginError'
  }
}
