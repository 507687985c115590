import { firstAuditKid } from '@/crypto/audit-keys'
import { fromUtf8, randomId, utf8 } from '@/crypto/bytes'
import { openSealed, sealTo } from '@/crypto/sealed-box'
import { canonicalJson, sha256, sign, verify } from '@/crypto/signature'
import type { Table } from 'dexie'
import type { AuditAction, AuditEvent } from './audit-events'
import type { LobbyDb } from './db'
import type { DeviceIdentity, UserDevice } from './device-identity'
import type { SealedBox } from '@/crypto/sealed-box'
import type { AuditEntry, AuditHead } from './documents'
import type { LocalStore } from './local-store'

const genesis = 'genesis'
const headKey = (dev: string) => `audit-head:${dev}`
/** Entries sealed while nobody was signed in, waiting for the next chain on this device. */
const pendingKey = 'audit-pending'
/** CONF-6: the newest signed head this device has seen of each device, kept even if the head document goes. */
const seenHeadKey = (dev: string) => `audit-head-seen:${dev}`

/**
 * What happened while nobody was signed in, or names an account that did not act (a failed
 * sign-in or unlock names the account tried): held, sealed, until a user acts on this device,
 * then added to that user's chain as "anonymous" (the sealed event still names the account tried).
 */
const heldActions: readonly AuditAction[] = ['sign-in.failed', 'unlock.failed']
const nobody = ['anonymous', 'unknown']
const isHeld = (event: Pick<AuditEvent, 'action' | 'by'>) => heldActions.includes(event.action) || nobody.includes(event.by)

/**
 * The part of an entry its hash covers: everything but the hash and signature themselves.
 * `akid` only when present, so entries written before audit key epochs keep their hashes.
 */
function chained(e: Omit<AuditEntry, 'hash' | 'sig' | '_local' | '_rev'>): Uint8Array {
  const base = { _id: e._id, by: e.by, dev: e.dev, seq: e.seq, prev: e.prev, box: e.box, v: e.v }
  return utf8(canonicalJson(e.akid === undefined ? base : { ...base, akid: e.akid }))
}

/** What a device signs to say where its chain ends. */
const headStatement = (h: Pick<AuditHead, 'dev' | 'seq' | 'hash'>) => utf8(canonicalJson({ head: 'audit-head', dev: h.dev, seq: h.seq, hash: h.hash }))

/** The audit public key new entries are sealed to, with its id (`audit:<epoch>`). */
export interface AuditPublicKey {
  kid: string
  key: CryptoKey
}

interface HeldEntry {
  _id: string
  box: SealedBox
  akid: string
}

/**
 * CONF-6: an append-only audit log, hash-chained per device and signed with the
 * device key. Entries are sealed to the audit public key, so any device can
 * write them and only managers can read them. Each user has their own device,
 * so their own chain, on a shared tablet (the server takes it from them alone),
 * and each chain's signed head travels with it.
 */
/** How many audit entries of a batch are sealed at once: WebCrypto works on them in parallel, off the main thread. */
const sealingGroup = 32

export function createAuditLog(
  db: LobbyDb,
  local: LocalStore,
  profile: () => Promise<DeviceIdentity>,
  userDevice: (userId: string) => Promise<UserDevice>,
  auditPublicKey: () => Promise<AuditPublicKey | undefined>,
) {
  let queue: Promise<unknown> = Promise.resolve()

  type Head = { seq: number; hash: string }
  interface Link {
    entry: AuditEntry
    /** The chain's signed head after this entry: only a batch's last link carries one (only it is written). */
    headDoc?: AuditHead
  }

  /** Seals, hashes and signs the next link of `dev`'s chain after `head`: all the WebCrypto work, none of the writing. */
  async function link(dev: UserDevice, held: HeldEntry, by: string, head: Head): Promise<Link> {
    const entry = await chainedEntry(dev, held, by, head)
    return { entry, headDoc: await signedHeadDoc(dev, entry) }
  }

  /** The next entry of `dev`'s chain after `head`, hashed and signed (its head is signed separately: a batch signs only its last). */
  async function chainedEntry(dev: UserDevice, held: HeldEntry, by: string, head: Head): Promise<AuditEntry> {
    const body = { _id: held._id, type: 'audit' as const, realm: 'audit' as const, v: 1 as const, by, dev: dev.deviceId, seq: head.seq + 1, prev: head.hash, box: held.box, akid: held.akid }
    const hash = await sha256(chained(body))
    return { ...body, hash, sig: await sign(dev.signing.privateKey, utf8(hash)) }
  }

  async function signedHeadDoc(dev: UserDevice, entry: AuditEntry): Promise<AuditHead> {
    const signedHead = { dev: dev.deviceId, seq: entry.seq, hash: entry.hash }
    return { _id: `audit-head:${dev.deviceId}`, type: 'audit-head', realm: 'audit', ...signedHead, sig: await sign(dev.signing.privateKey, headStatement(signedHead)) }
  }

  /**
   * Writes prepared links and the chain's new head: Dexie calls only, so it can run inside a caller's
   * transaction (an awaited WebCrypto promise there would let IndexedDB commit it early).
   */
  async function writeLinks(dev: UserDevice, links: Link[], stillHeld: HeldEntry[] | undefined): Promise<void> {
    const last = links.at(-1)
    if (links.length) await db.audit.bulkAdd(links.map(({ entry }) => ({ ...entry, _local: 1 as const })))
    if (last) {
      const headDoc = last.headDoc
      if (!headDoc) throw new Error('audit: a chain written without its signed head')
      // The head document is updated in place (the server lets it only move forward); keep its revision.
      const stored = await db.audit.get(headDoc._id)
      await db.audit.put({ ...headDoc, ...(stored?._rev ? { _rev: stored._rev } : {}), _local: 1 })
      await db.local.put({ key: headKey(dev.deviceId), value: { seq: last.entry.seq, hash: last.entry.hash } })
    }
    if (stillHeld) await db.local.put({ key: pendingKey, value: stillHeld })
  }

  /** Adds one sealed entry to `dev`'s chain and signs its new head; `stillHeld`: what is left held once it is in. */
  async function chainTo(dev: UserDevice, held: HeldEntry, by: string, stillHeld?: HeldEntry[]): Promise<AuditEntry> {
    const head = (await local.get<Head>(headKey(dev.deviceId))) ?? { seq: 0, hash: genesis }
    const next = await link(dev, held, by, head)
    await db.transaction('rw', db.audit, db.local, () => writeLinks(dev, [next], stillHeld))
    return next.entry
  }

  /** Seals one event to the audit key; `undefined` without an organisation (nothing to audit against). */
  async function sealEvent(
    event: Omit<AuditEvent, 'device' | 'at'> & { at?: string },
    key?: AuditPublicKey,
  ): Promise<{ held: HeldEntry; dev: UserDevice | undefined } | undefined> {
    const publicKey = key ?? (await auditPublicKey())
    if (!publicKey) return undefined
    const dev = isHeld(event) ? undefined : await userDevice(event.by)
    const full: AuditEvent = { ...event, at: event.at ?? new Date().toISOString(), device: dev?.deviceId ?? (await profile()).deviceId }
    const _id = `audit:${randomId()}`
    return { held: { _id, box: await sealTo(publicKey.key, utf8(JSON.stringify(full)), `audit|${_id}`), akid: publicKey.kid }, dev }
  }

  async function appendNow(event: Omit<AuditEvent, 'device' | 'at'> & { at?: string }): Promise<AuditEntry | undefined> {
    const sealed = await sealEvent(event)
    if (!sealed) return undefined // no organisation yet: nothing to audit against
    const { held: entry, dev } = sealed
    const waiting = (await local.get<HeldEntry[]>(pendingKey)) ?? []
    if (!dev) {
      await local.set(pendingKey, [...waiting, entry])
      return undefined
    }
    for (let i = 0; i < waiting.length; i++) await chainTo(dev, waiting[i]!, 'anonymous', waiting.slice(i + 1))
    return chainTo(dev, entry, event.by)
  }

  /**
   * Audits `events` and runs `write` (Dexie calls on `tables` only) in ONE transaction: the
   * records and their audit entries all land, or none does (a full disk, a failed write). All
   * sealing and signing happens first; the chain's head is read inside the append queue, so the
   * batch's links follow this tab's other appends without a fork.
   */
  async function appendAllNow(events: (Omit<AuditEvent, 'device' | 'at'> & { at?: string })[], tables: Table[], write: () => Promise<unknown>): Promise<void> {
    // One look-up of the audit key for the batch (a bill run audits 10,000 charges); sealing runs a few at a time.
    const publicKey = await auditPublicKey()
    const sealed: { event: (typeof events)[number]; s: Awaited<ReturnType<typeof sealEvent>> }[] = []
    if (publicKey) {
      for (let i = 0; i < events.length; i += sealingGroup) {
        const group = events.slice(i, i + sealingGroup)
        const done = await Promise.all(group.map((event) => sealEvent(event, publicKey)))
        group.forEach((event, j) => sealed.push({ event, s: done[j] }))
      }
    }
    // What is held and each chain's head, read together (a check-in waits on each round trip).
    const devices = [...new Set(sealed.flatMap(({ s }) => (s?.dev ? [s.dev.deviceId] : [])))]
    const [held, ...storedHeads] = await db.transaction('r', db.local, () => Promise.all([local.get<HeldEntry[]>(pendingKey), ...devices.map((d) => local.get<Head>(headKey(d)))]))
    const waiting = (held as HeldEntry[] | undefined) ?? []
    const toHold = [...waiting]
    const links = new Map<string, { dev: UserDevice; links: Link[] }>()
    const heads = new Map<string, Head>()
    devices.forEach((d, i) => {
      const head = storedHeads[i] as Head | undefined
      if (head) heads.set(d, head)
    })
    for (const { event, s } of sealed) {
      if (!s) continue
      if (!s.dev) {
        toHold.push(s.held)
        continue
      }
      const dev = s.dev
      const chain = links.get(dev.deviceId) ?? links.set(dev.deviceId, { dev, links: [] }).get(dev.deviceId)!
      let head = heads.get(dev.deviceId) ?? { seq: 0, hash: genesis }
      // Entries held while nobody was signed in go first, as `anonymous`, as a single append would chain them.
      for (const h of toHold.splice(0)) {
        const l = await link(dev, h, 'anonymous', head)
        chain.links.push(l)
        head = { seq: l.entry.seq, hash: l.entry.hash }
      }
      // Only a chain's last head is written, so only it is signed (the others would be thrown away).
      const entry = await chainedEntry(dev, s.held, event.by, head)
      chain.links.push({ entry })
      heads.set(dev.deviceId, { seq: entry.seq, hash: entry.hash })
    }
    for (const chain of links.values()) {
      const last = chain.links.at(-1)
      if (last && !last.headDoc) last.headDoc = await signedHeadDoc(chain.dev, last.entry)
    }
    const holdChanged = toHold.length !== waiting.length || toHold.some((h, i) => h !== waiting[i])
    await db.transaction('rw', [db.audit, db.local, ...tables], async () => {
      for (const { dev, links: l } of links.values()) await writeLinks(dev, l, undefined)
      if (holdChanged) await db.local.put({ key: pendingKey, value: toHold })
      await write()
    })
  }

  /** Many events and the writes they audit, in one transaction (see appendAllNow); serialised with `append`. */
  function appendAll(events: (Omit<AuditEvent, 'device' | 'at'> & { at?: string })[], tables: Table[], write: () => Promise<unknown>): Promise<void> {
    const next = queue.then(() => appendAllNow(events, tables, write))
    queue = next.catch(() => undefined)
    return next
  }

  /** Appends one event; appends from this tab are serialised so the chain never forks. */
  function append(event: Omit<AuditEvent, 'device' | 'at'> & { at?: string }): Promise<AuditEntry | undefined> {
    const next = queue.then(() => appendNow(event))
    queue = next.catch(() => undefined)
    return next
  }

  /**
   * Opens every entry with the audit private key it names (`akid`, else `audit:1`), from
   * `auditPrivate` by id (managers only); an entry whose key is not held reads as undefined.
   */
  async function read(auditPrivate: ReadonlyMap<string, CryptoKey>): Promise<{ entry: AuditEntry; event: AuditEvent | undefined }[]> {
    const entries = (await auditEntries(db)).sort((a, b) => a.dev.localeCompare(b.dev) || a.seq - b.seq)
    const out = []
    for (const entry of entries) out.push({ entry, event: await openEntry(auditPrivate, entry) })
    return out
  }

  /**
   * CONF-10: the newest event of each of `actions` in one device's chain (`dev`), opening its entries newest first
   * and stopping once each is found or `limit` entries have been opened: when a device last synced, without opening
   * the whole log (which grows by an entry for every record written). Actions not found within `limit` are absent.
   */
  async function latestOf(auditPrivate: ReadonlyMap<string, CryptoKey>, dev: string, actions: readonly AuditAction[], limit = 200): Promise<Map<AuditAction, AuditEvent>> {
    const found = new Map<AuditAction, AuditEvent>()
    // The chain's signed head shares the index: keep the entries.
    const newest = (await db.audit.where('[dev+seq]').between([dev, -Infinity], [dev, Infinity]).reverse().limit(limit + 1).toArray())
      .filter((e): e is AuditEntry => e.type === 'audit')
      .slice(0, limit)
    for (const entry of newest) {
      const event = await openEntry(auditPrivate, entry)
      if (event && actions.includes(event.action) && !found.has(event.action)) found.set(event.action, event)
      if (found.size === actions.length) break
    }
    return found
  }

  return { append, appendAll, read, latestOf, verifyChains: () => verifyAuditChains(db, local), rememberHeads: () => rememberHeads(db, local) }
}

const auditEntries = async (db: LobbyDb) => (await db.audit.toArray()).filter((e): e is AuditEntry => e.type === 'audit')

/** An entry opened with the audit private key it names (`akid`, else `audit:1`); undefined when that key is not held. */
async function openEntry(auditPrivate: ReadonlyMap<string, CryptoKey>, entry: AuditEntry): Promise<AuditEvent | undefined> {
  const key = auditPrivate.get(entry.akid ?? firstAuditKid)
  if (!key) return undefined
  return openSealed(key, entry.box, `audit|${entry._id}`)
    .then((b) => JSON.parse(fromUtf8(b)) as AuditEvent)
    .catch(() => undefined)
}

export type AuditProblem = 'hash' | 'link' | 'signature' | 'gap' | 'unknown-device' | 'missing' | 'head-mismatch' | 'head-signature'
export interface ChainFinding {
  /** The entry's id; for entries missing at the end of a chain `missing:<dev>:<seq>`, for a bad head its id. */
  id: string
  dev: string
  seq: number
  ok: boolean
  problems: AuditProblem[]
  /** `missing`: the last missing entry, and the head that says they exist. */
  to?: number
  head?: number
}

type SignedHead = Pick<AuditHead, 'dev' | 'seq' | 'hash' | 'sig'>

async function devicePublicKeys(db: LobbyDb): Promise<Map<string, CryptoKey>> {
  const publicKeys = new Map<string, CryptoKey>()
  for (const d of await db.devices.toArray()) {
    publicKeys.set(d.deviceId, await crypto.subtle.importKey('jwk', d.publicJwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']))
  }
  return publicKeys
}

/**
 * CONF-6: keeps the newest validly signed head of each device this device has seen (run after each
 * pull of the audit log and at each check), so a head document deleted or rewound since does not
 * undo it. Returns those newest heads, and the head documents that are not signed by their device.
 */
async function rememberHeads(db: LobbyDb, local: LocalStore, publicKeys?: Map<string, CryptoKey>): Promise<{ heads: Map<string, SignedHead>; unsigned: AuditHead[] }> {
  const keys = publicKeys ?? (await devicePublicKeys(db))
  const heads = new Map<string, SignedHead>()
  const unsigned: AuditHead[] = []
  for (const h of await db.audit.toArray()) {
    if (h.type !== 'audit-head') continue
    const key = keys.get(h.dev)
    if (key && (await verify(key, headStatement(h), h.sig))) heads.set(h.dev, h)
    else unsigned.push(h)
  }
  for (const row of await db.local.where('key').startsWith(seenHeadKey('')).toArray()) {
    const seen = row.value as SignedHead
    const head = heads.get(seen.dev)
    if (!head || head.seq < seen.seq) heads.set(seen.dev, seen)
  }
  for (const head of heads.values()) {
    const seen = await local.get<SignedHead>(seenHeadKey(head.dev))
    if (!seen || head.seq > seen.seq) await local.set(seenHeadKey(head.dev), { dev: head.dev, seq: head.seq, hash: head.hash, sig: head.sig })
  }
  return { heads, unsigned }
}

/**
 * Checks every device's chain: each entry's hash, its link to the previous one, no gaps, the
 * device signature, and (CONF-6) that nothing is missing before the newest signed head this
 * device has seen of it, from the head documents or remembered from before.
 */
export async function verifyAuditChains(db: LobbyDb, local: LocalStore): Promise<ChainFinding[]> {
  const publicKeys = await devicePublicKeys(db)
  const { heads, unsigned } = await rememberHeads(db, local, publicKeys)
  const findings: ChainFinding[] = unsigned.map((h) => ({ id: h._id, dev: h.dev, seq: h.seq, ok: false, problems: ['head-signature'] }))
  const byDevice = new Map<string, AuditEntry[]>()
  for (const e of await auditEntries(db)) byDevice.set(e.dev, [...(byDevice.get(e.dev) ?? []), e])
  for (const dev of new Set([...heads.keys(), ...byDevice.keys()])) {
    const chain = (byDevice.get(dev) ?? []).sort((a, b) => a.seq - b.seq)
    const head = heads.get(dev)
    let prevHash = genesis
    let prevSeq = 0
    for (const e of chain) {
      const problems: AuditProblem[] = []
      if (e.seq !== prevSeq + 1) problems.push('gap')
      if (e.prev !== prevHash) problems.push('link')
      if ((await sha256(chained(e))) !== e.hash) problems.push('hash')
      const key = publicKeys.get(dev)
      if (!key) problems.push('unknown-device')
      else if (!(await verify(key, utf8(e.hash), e.sig))) problems.push('signature')
      if (head && e.seq === head.seq && e.hash !== head.hash) problems.push('head-mismatch')
      findings.push({ id: e._id, dev, seq: e.seq, ok: problems.length === 0, problems })
      prevHash = e.hash
      prevSeq = e.seq
    }
    if (head && head.seq > prevSeq) {
      findings.push({ id: `missing:${dev}:${prevSeq + 1}`, dev, seq: prevSeq + 1, to: head.seq, head: head.seq, ok: false, problems: ['missing'] })
    }
  }
  return findings
}
