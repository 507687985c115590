import * as v from 'valibot'
import {
  selfBroadbandAccountSchema, selfBroadbandMonthSchema, selfMembershipSchema, selfProfileSchema, selfVisitsSchema,
} from '@/core/self-service/schemas'
import { selfRequestSchema, selfRequestType, type SelfRequest } from '@/core/self-service/requests'
import { randomId } from '@/crypto/bytes'
import { open, seal, type Envelope, type KeyLookup } from '@/crypto/envelope'
import type { SelfViews } from '@/features/self-service/self-views'
import type { SelfDevice } from '@/storage/self-device'

export interface SelfKeys {
  userId: string
  realm: string
  lookup: KeyLookup
  writeKey: { kid: string; key: CryptoKey }
}

/**
 * Issue 14: the member's screens read the views the staff devices wrote, from this phone's own database, opened
 * with the member's realm key and checked against their schemas; a view that fails either is left out (a tampered
 * card, say, never reaches the card page). The member's requests (BB-7 disputes, BB-13 objections) are sealed here
 * and go up with the next sync round to the member's own database, where the desk takes them in.
 */
export function localSelfViews(loadDevice: () => Promise<SelfDevice>, keys: () => SelfKeys | undefined, orgId: () => string | undefined, sync: () => void): SelfViews & { changed(): void; passwordSet(first: boolean): Promise<void> } {
  const listeners = new Set<() => void>()

  async function read<T>(type: string, schema: v.GenericSchema<unknown, T>): Promise<T[]> {
    const k = keys()
    if (!k) return []
    const out: T[] = []
    for (const envelope of await (await loadDevice()).envelopesOf(type, k.realm)) {
      const body = await openChecked(envelope, k.lookup, schema)
      if (body !== undefined) out.push(body)
    }
    return out
  }

  async function openChecked<T>(envelope: Envelope, lookup: KeyLookup, schema: v.GenericSchema<unknown, T>): Promise<T | undefined> {
    try {
      const parsed = v.safeParse(schema, await open<unknown>(envelope, lookup))
      return parsed.success ? parsed.output : undefined
    } catch {
      return undefined
    }
  }

  async function send(request: SelfRequest): Promise<void> {
    const k = keys()
    if (!k) throw new Error('Signed out')
    v.parse(selfRequestSchema, request)
    const type = selfRequestType[request.kind]
    const envelope = await seal({ _id: `${type}:${randomId()}`, type, realm: k.realm, kid: k.writeKey.kid, v: 1, by: k.userId }, request, k.writeKey.key)
    await (await loadDevice()).putOwn(envelope)
    sync()
  }

  return {
    orgId: async () => orgId(),
    profile: async () => (await read('self-profile', selfProfileSchema))[0],
    memberships: () => read('self-membership', selfMembershipSchema),
    visits: async () => (await read('self-visits', selfVisitsSchema)).sort((a, b) => b.year.localeCompare(a.year)),
    accounts: () => read('self-bb-account', selfBroadbandAccountSchema),
    async month(accountId, month) {
      const k = keys()
      const envelope = k && (await (await loadDevice()).envelope(`self-bb-month:${accountId}:${month}`))
      return envelope && envelope.realm === k.realm ? openChecked(envelope, k.lookup, selfBroadbandMonthSchema) : undefined
    },
    async raiseDispute({ accountId, entryId, reason }) {
      if (reason.trim() === '') return { ok: false, problem: 'reason-required' }
      const month = (await read('self-bb-month', selfBroadbandMonthSchema)).filter((m) => m.accountId === accountId)
      const line = month.flatMap((m) => m.lines).find((l) => l.id === entryId)
      if (!line) return { ok: false, problem: 'unknown-line' }
      if (line.dispute.state !== 'open') return { ok: false, problem: 'not-open' }
      await send({ kind: 'dispute', accountId, entryId, reason: reason.trim(), at: Date.now() })
      return { ok: true }
    },
    async objectToTerms({ accountId, noticeId, reason }) {
      if (reason.trim() === '') return { ok: false, problem: 'reason-required' }
      const account = (await read('self-bb-account', selfBroadbandAccountSchema)).find((a) => a.accountId === accountId)
      const notice = account?.notices.find((n) => n.id === noticeId)
      if (!notice || notice.kind !== 'terms' || notice.objected) return { ok: false, problem: 'not-open' }
      await send({ kind: 'objection', accountId, noticeId, reason: reason.trim(), at: Date.now() })
      return { ok: true }
    },
    /** BB-11: the desk hears of a new password (nothing about it but that it changed, and when). */
    passwordSet: (first) => send({ kind: 'password', first, at: Date.now() }),
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    changed() {
      for (const listener of listeners) listener()
    },
  }
}
