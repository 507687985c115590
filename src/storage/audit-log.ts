import { firstAuditKid } from '@/crypto/audit-keys'
import { fromUtf8, randomId, utf8 } from '@/crypto/bytes'
import { openSealed, sealTo } from '@/crypto/sealed-box'
import { canonicalJson, sha256, sign, verify } from '@/crypto/signature'
import type { AuditEvent } from './audit-events'
import type { LobbyDb } from './db'
import type { DeviceIdentity } from './device-identity'
import type { AuditEntry } from './documents'
import type { LocalStore } from './local-store'

const genesis = 'genesis'
const headKey = 'audit-head'

/**
 * The part of an entry its hash covers: everything but the hash and signature themselves.
 * `akid` only when present, so entries written before audit key epochs keep their hashes.
 */
function chained(e: Omit<AuditEntry, 'hash' | 'sig' | '_local' | '_rev'>): Uint8Array {
  const base = { _id: e._id, by: e.by, dev: e.dev, seq: e.seq, prev: e.prev, box: e.box, v: e.v }
  return utf8(canonicalJson(e.akid === undefined ? base : { ...base, akid: e.akid }))
}

/** The audit public key new entries are sealed to, with its id (`audit:<epoch>`). */
export interface AuditPublicKey {
  kid: string
  key: CryptoKey
}

/**
 * CONF-6: an append-only audit log, hash-chained per device and signed with the
 * device key. Entries are sealed to the audit public key, so any device can
 * write them and only managers can read them.
 */
export function createAuditLog(db: LobbyDb, local: LocalStore, device: () => Promise<DeviceIdentity>, auditPublicKey: () => Promise<AuditPublicKey | undefined>) {
  let queue: Promise<unknown> = Promise.resolve()

  async function appendNow(event: Omit<AuditEvent, 'device' | 'at'> & { at?: string }): Promise<AuditEntry | undefined> {
    const publicKey = await auditPublicKey()
    if (!publicKey) return undefined // no organisation yet: nothing to audit against
    const dev = await device()
    const full: AuditEvent = { ...event, at: event.at ?? new Date().toISOString(), device: dev.deviceId }
    const _id = `audit:${randomId()}`
    const box = await sealTo(publicKey.key, utf8(JSON.stringify(full)), `audit|${_id}`)
    const head = (await local.get<{ seq: number; hash: string }>(headKey)) ?? { seq: 0, hash: genesis }
    const body = { _id, type: 'audit' as const, realm: 'audit' as const, v: 1 as const, by: event.by, dev: dev.deviceId, seq: head.seq + 1, prev: head.hash, box, akid: publicKey.kid }
    const hash = await sha256(chained(body))
    const entry: AuditEntry = { ...body, hash, sig: await sign(dev.signing.privateKey, utf8(hash)) }
    await db.transaction('rw', db.audit, db.local, async () => {
      await db.audit.add({ ...entry, _local: 1 })
      await db.local.put({ key: headKey, value: { seq: entry.seq, hash } })
    })
    return entry
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
    const entries = (await db.audit.toArray()).sort((a, b) => a.dev.localeCompare(b.dev) || a.seq - b.seq)
    const out = []
    for (const entry of entries) {
      const key = auditPrivate.get(entry.akid ?? firstAuditKid)
      const event = await (key ? openSealed(key, entry.box, `audit|${entry._id}`) : Promise.reject(new Error('audit key not held')))
        .then((b) => JSON.parse(fromUtf8(b)) as AuditEvent)
        .catch(() => undefined)
      out.push({ entry, event })
    }
    return out
  }

  return { append, read, verifyChains: () => verifyAuditChains(db) }
}

export type AuditProblem = 'hash' | 'link' | 'signature' | 'gap' | 'unknown-device'
export interface ChainFinding {
  id: string
  dev: string
  seq: number
  ok: boolean
  problems: AuditProblem[]
}

/** Checks every device's chain: each entry's hash, its link to the previous one, no gaps, and the device signature. */
export async function verifyAuditChains(db: LobbyDb): Promise<ChainFinding[]> {
  const [entries, devices] = await Promise.all([db.audit.toArray(), db.devices.toArray()])
  const publicKeys = new Map<string, CryptoKey>()
  for (const d of devices) {
    publicKeys.set(d.deviceId, await crypto.subtle.importKey('jwk', d.publicJwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']))
  }
  const byDevice = new Map<string, AuditEntry[]>()
  for (const e of entries) byDevice.set(e.dev, [...(byDevice.get(e.dev) ?? []), e])
  const findings: ChainFinding[] = []
  for (const [dev, chain] of byDevice) {
    chain.sort((a, b) => a.seq - b.seq)
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
      findings.push({ id: e._id, dev, seq: e.seq, ok: problems.length === 0, problems })
      prevHash = e.hash
      prevSeq = e.seq
    }
  }
  return findings
}
