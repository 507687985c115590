import * as v from 'valibot'
import { mayRecordIncident } from '@/core/reception/incident-rules'
import { incidentSchema, ladderStepSchema } from '@/core/reception/schemas'
import type { Incident, LadderStep } from '@/core/reception/types'
import { firstAuditKid } from '@/crypto/audit-keys'
import { fromUtf8, randomBytes, toBase64Url, utf8 } from '@/crypto/bytes'
import { isCryptoError } from '@/crypto/errors'
import { openSealed, sealTo, type SealedBox } from '@/crypto/sealed-box'
import { sign, verify } from '@/crypto/signature'
import { importEcdhPublicKey, importEcdsaPublicKey, type UserKeyPairs } from '@/crypto/user-keys'
import type { AuditPublicKey } from './audit-log'
import { loadTrust, type Trust } from './certified-accounts'
import type { LobbyDb } from './db'
import type { UserDevice } from './device-identity'
import type { IncidentDoc } from './documents'
import { LockedError, type KeySource } from './key-source'
import type { SignInsRepo } from './sign-ins.repo'
import { incidentBoxContext, incidentId, incidentStatement, parseIncidentId } from './incident-statements'

/**
 * REC-7: incidents against staff members. Every desk user holds the desk realm's key, so an incident there could be
 * read by any colleague; instead each is a document in `lobby_org` (beside the notices) sealed twice, to the person
 * concerned's certified ECDH key and to the organisation's audit public key, which only managers hold (present and
 * future ones: the audit key is handed on at rotation). The author signs it; the server takes it from them alone, once.
 * Colleagues see that one exists, from whom to whom, nothing of what it says. The author keeps no readable copy.
 */

/** What the recorder says; the author and device are the signed-in user's. */
export type IncidentInput = Omit<Incident, 'by' | 'deviceId'>

/**
 * An incident opened, with its document's id and the kind's ladder as it stood when it was recorded: the person
 * concerned may hold no key to the desk realm the settings are kept in, so it travels sealed with the incident.
 */
export type OpenedIncident = Incident & { id: string; ladder?: LadderStep[] }
const carriedLadder = v.optional(v.array(ladderStepSchema))

/** The signed-in user may not record this kind (REC-7: a complaint is a manager's), or cannot seal to the person named. */
export class IncidentRefusedError extends Error {
  constructor(reason: string) {
    super(`The incident cannot be recorded: ${reason}`)
    this.name = 'IncidentRefusedError'
  }
}

export interface IncidentsDeps {
  db: LobbyDb
  keys: () => KeySource | undefined
  signIns: SignInsRepo
  userDevice: (userId: string) => Promise<UserDevice>
  auditPublicKey: () => Promise<AuditPublicKey | undefined>
  /** CONF-2: a document that fails its checks is set aside and audited, never shown. */
  quarantine: (database: string, doc: { _id: string; _rev?: string }, reason: string) => Promise<void>
}

export function createIncidentsRepo(deps: IncidentsDeps) {
  const { db } = deps
  const table = () => db.table<IncidentDoc, string>('notices')

  function session(): KeySource & { userKeys: UserKeyPairs } {
    const keys = deps.keys()
    if (!keys?.userKeys) throw new LockedError()
    return keys as KeySource & { userKeys: UserKeyPairs }
  }

  async function refuse(doc: IncidentDoc, reason: string): Promise<void> {
    const seen = await db.quarantine.get(`lobby_org|${doc._id}|${doc._rev}`)
    if (!seen) await deps.quarantine('lobby_org', doc, `incident: ${reason}`)
  }

  /** Why a stored incident must not be believed, or undefined. */
  async function problemOf(d: IncidentDoc, trust: Trust): Promise<string | undefined> {
    const parts = parseIncidentId(d._id)
    if (!parts || parts.to !== d.to || parts.iid !== d.iid) return 'its id does not name its subject'
    if (typeof d.sig !== 'string') return 'unsigned'
    const author = await trust.certified(d.by)
    if (!author.ok) return `author not trusted: ${author.reason}`
    if (!(await verify(await importEcdsaPublicKey(author.account.ecdsa), incidentStatement(d), d.sig))) return 'bad signature'
    return undefined
  }

  /** Opens one box and checks what it says belongs to this document (its subject, its author). */
  async function open(d: IncidentDoc, key: CryptoKey, box: SealedBox, reader: 'subject' | 'audit'): Promise<OpenedIncident> {
    const plain = await openSealed(key, box, incidentBoxContext(d._id, d.by, reader))
    let said: unknown
    try {
      said = JSON.parse(fromUtf8(plain))
    } catch {
      said = undefined
    }
    const parsed = v.safeParse(incidentSchema, said)
    const ladder = v.safeParse(carriedLadder, (said as { ladder?: unknown } | undefined)?.ladder)
    if (!parsed.success || !ladder.success || parsed.output.staffId !== d.to || parsed.output.by !== d.by) throw new Error('what it says does not match its document')
    return { ...parsed.output, id: d._id, ...(ladder.output ? { ladder: ladder.output } : {}) }
  }

  /** Checks and opens each row with the key `keyFor` gives (none: not this reader's), newest first; a bad one is set aside. */
  async function read(rows: IncidentDoc[], keyFor: (d: IncidentDoc) => { key: CryptoKey; box: SealedBox; reader: 'subject' | 'audit' } | undefined) {
    const live = rows.filter((r) => r.type === 'incident' && !r._deleted)
    if (live.length === 0) return []
    const trust = await loadTrust(deps)
    const opened: OpenedIncident[] = []
    for (const d of live) {
      const problem = await problemOf(d, trust)
      if (problem) {
        await refuse(d, problem)
        continue
      }
      const with_ = keyFor(d)
      if (!with_) continue
      try {
        opened.push(await open(d, with_.key, with_.box, with_.reader))
      } catch (e) {
        if (!isCryptoError(e) && !(e instanceof Error && e.message.startsWith('what it says'))) throw e
        await refuse(d, e.message)
      }
    }
    return opened.sort((a, b) => b.at - a.at)
  }

  return {
    /**
     * Seals the incident (with `ladder`, the kind's ladder in the settings now) to its subject and to the audit key,
     * signed by the signed-in user; it leaves with the next sync round.
     */
    async record(input: IncidentInput, ladder?: readonly LadderStep[]): Promise<string> {
      const me = session()
      const trust = await loadTrust(deps)
      const author = await trust.certified(me.userId)
      if (!author.ok || !mayRecordIncident(author.account.role, input.kind)) {
        throw new IncidentRefusedError(input.kind === 'improper-reception' ? 'only a manager records a complaint' : 'only the desk records this')
      }
      const subject = await trust.certified(input.staffId)
      if (!subject.ok) throw new IncidentRefusedError(subject.reason)
      const audit = await deps.auditPublicKey()
      if (!audit) throw new IncidentRefusedError('no organisation on this device')
      const incident: Incident = { ...input, by: me.userId, deviceId: (await deps.userDevice(me.userId)).deviceId }
      v.parse(incidentSchema, incident)
      const iid = toBase64Url(randomBytes(16))
      const id = incidentId(input.staffId, iid)
      const said = utf8(JSON.stringify(ladder ? { ...incident, ladder } : incident))
      const box = await sealTo(await importEcdhPublicKey(subject.account.ecdh), said, incidentBoxContext(id, me.userId, 'subject'))
      const auditBox = await sealTo(audit.key, said, incidentBoxContext(id, me.userId, 'audit'))
      const unsigned = { _id: id, type: 'incident' as const, to: input.staffId, iid, by: me.userId, box, auditBox, akid: audit.kid }
      await table().add({ ...unsigned, sig: await sign(me.userKeys.ecdsa.privateKey, incidentStatement(unsigned)), _local: 1 })
      return id
    },

    /** The signed-in user's own incidents (REC-7: the person concerned sees them), newest first. */
    async mine(): Promise<OpenedIncident[]> {
      const me = session()
      const rows = await table().where('to').equals(me.userId).toArray()
      return read(rows, (d) => ({ key: me.userKeys.ecdh.privateKey, box: d.box, reader: 'subject' }))
    },

    /** Every incident, opened with the audit private keys a manager holds (by epoch); one sealed to a key not held is skipped. */
    async all(auditPrivate: ReadonlyMap<string, CryptoKey>): Promise<OpenedIncident[]> {
      session()
      const rows = await table().filter((r) => r.type === 'incident').toArray()
      return read(rows, (d) => {
        const key = auditPrivate.get(d.akid ?? firstAuditKid)
        return key ? { key, box: d.auditBox, reader: 'audit' } : undefined
      })
    },
  }
}

export type IncidentsRepo = ReturnType<typeof createIncidentsRepo>
