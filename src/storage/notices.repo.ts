import { liveQuery } from 'dexie'
import { fromUtf8, randomBytes, toBase64Url, utf8 } from '@/crypto/bytes'
import { CryptoError, isCryptoError } from '@/crypto/errors'
import { openSealed, sealTo } from '@/crypto/sealed-box'
import { sign, verify } from '@/crypto/signature'
import { importEcdhPublicKey, importEcdsaPublicKey, type UserKeyPairs } from '@/crypto/user-keys'
import { loadTrust } from './certified-accounts'
import type { LobbyDb } from './db'
import type { UserDevice } from './device-identity'
import type { NoticeAckDoc, NoticeDoc } from './documents'
import { LockedError, type KeySource } from './key-source'
import type { LocalStore } from './local-store'
import type { SignInsRepo } from './sign-ins.repo'
import { ackIdOf, ackStatement, boxContext, noticeId, noticeStatement, parseNoticeId } from './notice-statements'

export { ackIdOf, noticeId } from './notice-statements'

/**
 * REC-3: a staff member's notices (the desk tells a host their visitor has come; field service will
 * tell a technician of a dispatch). Each is a document in `lobby_org`, which every staff device
 * already replicates: what it says is sealed to the recipient's certified ECDH key and signed by its
 * author, so the other staff see only that a notice exists, from whom to whom. The recipient
 * acknowledges it with a small clear document, signed, that only they may write. The sender keeps no
 * copy of what it said (its own record, the visit, says it); it keeps, on this device only, when it
 * sent each notice and whether the server has it yet.
 */

export type NoticeKind = 'visitor-arrived'

export interface NoticeInput {
  /** the recipient's user id */
  to: string
  kind: NoticeKind
  /** e.g. the visit's id, the visitor's name as given, the place */
  body: Record<string, unknown>
  /** when (ms since the epoch) */
  at: number
  /**
   * The notice's own part of its id, when the sender names it first (`plannedNoticeId`): reception records the id
   * on the visit before sending, so the visit is saved whatever becomes of the notice. Random otherwise.
   */
  nid?: string
}

/** A notice id to `to`, made before the notice is sent (see `NoticeInput.nid`). */
export function plannedNoticeId(to: string): { id: string; nid: string } {
  const nid = toBase64Url(randomBytes(16))
  return { id: noticeId(to, nid), nid }
}
const plannedNid = /^[A-Za-z0-9_-]{22}$/

/** A notice to the signed-in user, opened. */
export interface OpenedNotice {
  id: string
  from: string
  kind: string
  body: Record<string, unknown>
  at: number
  ackedAt?: number
}

export interface NoticeStatus {
  /** the server has it (pushed by this device, or seen coming back from it) */
  sent: boolean
  ackedAt?: number
  ackedBy?: string
  ackedDevice?: string
}

/** The recipient named is not someone this device can seal to (no certified keys, deactivated). */
export class NoticeRecipientError extends Error {
  constructor(readonly to: string, reason: string) {
    super(`Cannot send a notice to ${to}: ${reason}`)
    this.name = 'NoticeRecipientError'
  }
}

/** Only a notice's recipient acknowledges it. */
export class NotTheRecipientError extends Error {
  constructor(readonly id: string) {
    super(`Notice ${id} is not addressed to the signed-in user.`)
    this.name = 'NotTheRecipientError'
  }
}

/** Device-local: a notice this device sent, when, and whether the server has it. */
const outKey = (id: string) => `notice-out:${id}`
interface Outgoing {
  at: number
  sent?: true
}
/** A notice still waiting for its acknowledgement this long keeps the sender's device asking (remote-watch.ts). */
export const awaitAckForMs = 15 * 60_000
const forgetOutgoingMs = 24 * 3_600_000

export interface NoticesDeps {
  db: LobbyDb
  local: LocalStore
  keys: () => KeySource | undefined
  signIns: SignInsRepo
  userDevice: (userId: string) => Promise<UserDevice>
  /** CONF-2: a document that fails its checks is set aside and audited, never shown. */
  quarantine: (database: string, doc: { _id: string; _rev?: string }, reason: string) => Promise<void>
}

export function createNoticesRepo(deps: NoticesDeps) {
  const { db } = deps
  const table = () => db.table<NoticeDoc | NoticeAckDoc, string>('notices')

  function session(): KeySource & { userKeys: UserKeyPairs } {
    const keys = deps.keys()
    if (!keys?.userKeys) throw new LockedError()
    return keys as KeySource & { userKeys: UserKeyPairs }
  }

  async function refuse(doc: NoticeDoc | NoticeAckDoc, reason: string): Promise<void> {
    const seen = await db.quarantine.get(`lobby_org|${doc._id}|${doc._rev}`)
    if (!seen) await deps.quarantine('lobby_org', doc, reason)
  }

  /** Why a stored notice must not be believed, or undefined. */
  async function noticeProblem(n: NoticeDoc, trust: Awaited<ReturnType<typeof loadTrust>>): Promise<string | undefined> {
    const parts = parseNoticeId(n._id)
    if (!parts || parts.to !== n.to || parts.nid !== n.nid) return 'its id does not name its recipient'
    if (typeof n.sig !== 'string') return 'unsigned'
    const author = await trust.certified(n.by)
    if (!author.ok) return `author not trusted: ${author.reason}`
    if (!(await verify(await importEcdsaPublicKey(author.account.ecdsa), noticeStatement(n), n.sig))) return 'bad signature'
    return undefined
  }

  /** The acknowledgement of `notice`, if there is a good one: by its recipient, signed with their certified key. */
  async function goodAck(notice: NoticeDoc, trust: Awaited<ReturnType<typeof loadTrust>>): Promise<NoticeAckDoc | undefined> {
    const ack = (await table().get(ackIdOf(notice))) as NoticeAckDoc | undefined
    if (!ack || ack.type !== 'notice-ack' || ack._deleted) return undefined
    let problem: string | undefined
    if (ack.by !== notice.to || ack.nid !== notice.nid) problem = 'not by the notice\'s recipient'
    else if (!String(ack.device).startsWith(`${ack.by}:`)) problem = 'a device of another user'
    else {
      const recipient = await trust.certified(ack.by)
      if (!recipient.ok) problem = `recipient not trusted: ${recipient.reason}`
      else if (!(await verify(await importEcdsaPublicKey(recipient.account.ecdsa), ackStatement(ack), ack.sig))) problem = 'bad signature'
    }
    if (problem) {
      await refuse(ack, `notice-ack: ${problem}`)
      return undefined
    }
    return ack
  }

  async function open(n: NoticeDoc, me: KeySource & { userKeys: UserKeyPairs }): Promise<Omit<OpenedNotice, 'ackedAt'>> {
    const plain = await openSealed(me.userKeys.ecdh.privateKey, n.box, boxContext(n._id, n.by))
    let said: { kind?: unknown; body?: unknown; at?: unknown }
    try {
      said = JSON.parse(fromUtf8(plain)) as typeof said
    } catch {
      throw new CryptoError('malformed', 'a notice that is not JSON')
    }
    const { kind, body, at } = said ?? {}
    if (typeof kind !== 'string' || typeof body !== 'object' || body === null || Array.isArray(body) || typeof at !== 'number' || !Number.isFinite(at)) {
      throw new CryptoError('malformed', 'a notice without kind, body and time')
    }
    return { id: n._id, from: n.by, kind, body: body as Record<string, unknown>, at }
  }

  const repo = {
    /** Seals a notice to `to`'s certified key, signed by the signed-in user; it leaves with the next sync round. */
    async send(input: NoticeInput): Promise<string> {
      const me = session()
      const trust = await loadTrust(deps)
      const to = await trust.certified(input.to)
      if (!to.ok) throw new NoticeRecipientError(input.to, to.reason)
      if (input.nid !== undefined && !plannedNid.test(input.nid)) throw new Error('a planned notice id is 16 random bytes, base64url')
      const nid = input.nid ?? toBase64Url(randomBytes(16))
      const id = noticeId(input.to, nid)
      const said = utf8(JSON.stringify({ kind: input.kind, body: input.body, at: input.at }))
      const box = await sealTo(await importEcdhPublicKey(to.account.ecdh), said, boxContext(id, me.userId))
      const unsigned = { _id: id, type: 'notice' as const, to: input.to, nid, by: me.userId, box }
      const doc: NoticeDoc = { ...unsigned, sig: await sign(me.userKeys.ecdsa.privateKey, noticeStatement(unsigned)), _local: 1 }
      await db.transaction('rw', db.notices, db.local, async () => {
        await table().add(doc)
        await deps.local.set(outKey(id), { at: input.at } satisfies Outgoing)
      })
      return id
    },

    /** Notices to the signed-in user that verify and open, newest first. One that does not is set aside. */
    async mine(): Promise<OpenedNotice[]> {
      const me = session()
      const rows = (await table().where('to').equals(me.userId).toArray()).filter((r): r is NoticeDoc => r.type === 'notice' && !r._deleted)
      if (rows.length === 0) return []
      const trust = await loadTrust(deps)
      const opened: OpenedNotice[] = []
      for (const n of rows) {
        const problem = await noticeProblem(n, trust)
        if (problem) {
          await refuse(n, `notice: ${problem}`)
          continue
        }
        try {
          const notice = await open(n, me)
          const ack = await goodAck(n, trust)
          opened.push(ack ? { ...notice, ackedAt: ack.at } : notice)
        } catch (e) {
          if (!isCryptoError(e)) throw e
          await refuse(n, `notice: ${e.message}`)
        }
      }
      return opened.sort((a, b) => b.at - a.at)
    },

    /** The recipient says they have seen it (once: a second call changes nothing). */
    async acknowledge(id: string, at: number): Promise<void> {
      const me = session()
      const notice = (await table().get(id)) as NoticeDoc | undefined
      if (!notice || notice.type !== 'notice' || notice.to !== me.userId) throw new NotTheRecipientError(id)
      const ackId = ackIdOf(notice)
      if (await table().get(ackId)) return
      const device = (await deps.userDevice(me.userId)).deviceId
      const unsigned = { _id: ackId, type: 'notice-ack' as const, by: me.userId, nid: notice.nid, at, device }
      await table().add({ ...unsigned, sig: await sign(me.userKeys.ecdsa.privateKey, ackStatement(unsigned)), _local: 1 })
    },

    /** What became of notices (the sender's view): on the server yet, and acknowledged by their recipient when, on which device. */
    async statusOf(ids: string[]): Promise<Map<string, NoticeStatus>> {
      const out = new Map<string, NoticeStatus>()
      const rows = (await table().bulkGet(ids)).filter((r): r is NoticeDoc => r?.type === 'notice')
      if (rows.length === 0) return out
      const trust = await loadTrust(deps)
      for (const n of rows) {
        const kept = await deps.local.get<Outgoing>(outKey(n._id))
        // A notice this device did not write is here only because the server sent it.
        const sent = kept ? kept.sent === true : !n._local
        const ack = await goodAck(n, trust)
        out.set(n._id, ack ? { sent: true, ackedAt: ack.at, ackedBy: ack.by, ackedDevice: ack.device } : { sent })
      }
      return out
    },

    /**
     * Called by sync once the channel that pushes this user's notices has reached the server:
     * every notice of theirs handed to replication before it (no `_local` mark left) is there now.
     */
    async notePushed(): Promise<void> {
      const me = deps.keys()?.userId
      if (!me) return
      const rows = await table().where('by').equals(me).toArray()
      for (const n of rows) {
        if (n.type !== 'notice' || n._local) continue
        const kept = await deps.local.get<Outgoing>(outKey(n._id))
        if (kept && !kept.sent) await deps.local.set(outKey(n._id), { ...kept, sent: true })
      }
    },

    /** Whether this device sent, in the last `awaitAckForMs`, a notice not yet acknowledged (it then watches `lobby_org` too). */
    async awaitingAck(now = Date.now()): Promise<boolean> {
      const waiting = await db.local.where('key').startsWith(outKey('')).toArray()
      // Forgotten a day on, so this list stays short: statusOf then reads `sent` from the row (handed to sync).
      const forgotten = waiting.filter(({ value }) => now - (value as Outgoing).at > forgetOutgoingMs && (value as Outgoing).sent)
      if (forgotten.length > 0) await db.local.bulkDelete(forgotten.map((w) => w.key))
      for (const { key, value } of waiting) {
        if (now - (value as Outgoing).at > awaitAckForMs) continue
        const notice = (await table().get(key.slice(outKey('').length))) as NoticeDoc | undefined
        if (notice && !(await table().get(ackIdOf(notice)))) return true
      }
      return false
    },

    /**
     * Calls `next` with the signed-in user's notices not yet acknowledged, now and whenever theirs change (one
     * arrives by sync, they acknowledge one here or on another device): a Dexie live query on the row keys, then
     * the opening outside it (WebCrypto's promises are not Dexie's). Returns a stop function.
     */
    watchUnacknowledged(next: (notices: OpenedNotice[]) => void): () => void {
      const me = deps.keys()?.userId
      if (!me) return () => undefined
      let stopped = false
      let reading = Promise.resolve()
      const rowsOfMine = () => Promise.all([table().where('to').equals(me).primaryKeys(), table().where('by').equals(me).primaryKeys()])
      const subscription = liveQuery(rowsOfMine).subscribe({
        next: () => {
          reading = reading.then(async () => {
            if (stopped || deps.keys()?.userId !== me) return
            const all = await repo.mine().catch(() => undefined)
            if (!stopped && all) next(all.filter((n) => n.ackedAt === undefined))
          })
        },
        error: () => undefined,
      })
      return () => {
        stopped = true
        subscription.unsubscribe()
      }
    },
  }
  return repo
}

export type NoticesRepo = ReturnType<typeof createNoticesRepo>
