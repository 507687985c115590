import * as v from 'valibot'
import { holdsRealm } from '@/core/access/realm-access'
import { termsStanding } from '@/core/broadband/terms-notice'
import { deskTimeZone } from '@/core/organisation/time-zone'
import { broadbandAccountView, broadbandMonthViews } from '@/core/self-service/broadband-view'
import { selfRequestSchema, type SelfAck, type SelfRequest } from '@/core/self-service/requests'
import type { PersonSignin } from '@/core/self-service/signin'
import { localDateOf } from '@/core/shared/local-date'
import { fromBase64Url } from '@/crypto/bytes'
import { open, seal, type Envelope } from '@/crypto/envelope'
import { importRealmKey } from '@/crypto/realm-keys'
import { createBroadbandRecords } from '@/features/broadband/broadband-records'
import type { Session } from '@/identity/session'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { memberRequests, putMemberViews } from '@/sync/member-signins'
import { signinIdOf } from './signin-records'
import './member-signins.audit'

export interface TakeInResult {
  taken: number
  /** Requests the counter's rules refuse (a line too old, an account not the member's…): acknowledged as refused. */
  refused: number
}

type Outcome = Pick<SelfAck, 'outcome' | 'reason'>

/** `self-dispute:abc` → `self-ack:abc`: one acknowledgement per request, whichever device writes it. */
const ackIdOf = (requestId: string) => `self-ack:${requestId.slice(requestId.indexOf(':') + 1)}`

/**
 * Issue 14 §4 (BB-7, BB-11, BB-13): the member's requests from their phone, taken in by a staff device that holds the
 * realm each concerns. The desk's rules decide again, on what the desk knows now: a dispute only of a charge on an
 * account of this person's, still open to dispute (the same fold the phone's button came from); an objection only
 * to a terms notice of that account before its effective day. A password set or changed is audited (nothing of it is
 * known but that, and when). Each request is acknowledged in the member's database (`self-ack:…`), so no device
 * takes it in or audits it twice; a dispute's id comes from the request's too, so two devices taking one in at once
 * write one dispute.
 */
export async function takeInMemberRequests(
  storage: LobbyStorage,
  session: Session,
  signin: PersonSignin,
  deps: { serverBase: string; fetchFn?: typeof fetch; now?: number },
): Promise<TakeInResult> {
  const result: TakeInResult = { taken: 0, refused: 0 }
  const realm = `member:${signin.userId}`
  const found = await memberRequests(deps.serverBase, realm, deps.fetchFn)
  const acked = new Set(found.filter((d) => d._id.startsWith('self-ack:')).map((d) => d._id))
  const pending = found.filter((d) => !d._id.startsWith('self-ack:') && !acked.has(ackIdOf(d._id)))
  if (pending.length === 0) return result
  const key = await importRealmKey(fromBase64Url(signin.realmKey), false)
  const lookup = (kid: string) => (kid === signin.kid ? key : undefined)
  const accounts = holdsRealm({ role: session.role, userId: session.userId }, 'accounts')
  const records = accounts ? createBroadbandRecords(storage.recordContext) : undefined
  const organisation = await storage.orgSettings.read()
  const now = deps.now ?? Date.now()
  const today = localDateOf(now, deskTimeZone(organisation.saved ? organisation.settings.timeZone : undefined, undefined))
  const acks: Envelope[] = []
  const acknowledge = async (requestId: string, outcome: Outcome) => {
    const body: SelfAck = { request: requestId, ...outcome, at: now }
    acks.push(await seal({ _id: ackIdOf(requestId), type: 'self-ack', realm, kid: signin.kid, v: 1, by: session.userId }, body, key))
    const detail = outcome.outcome === 'refused' ? `refused: ${outcome.reason}` : outcome.outcome
    await storage.audit.append({ action: 'member-signins.take-in', by: session.userId, recordId: requestId, recordType: 'person-signin', detail: `${signinIdOf(signin.personId)} ${detail}` })
  }

  for (const envelope of pending) {
    // Only what the member wrote, in their realm, under their key: the server checked `by` against the sign-in.
    if (envelope.realm !== realm || envelope.by !== signin.userId || envelope.kid !== signin.kid) continue
    const parsed = v.safeParse(selfRequestSchema, await open<unknown>(envelope as unknown as Envelope, lookup).catch(() => undefined))
    if (!parsed.success) continue
    const request = parsed.output
    if (request.kind === 'password') {
      await acknowledge(envelope._id, { outcome: 'noted', reason: request.first ? 'first password' : 'password changed' })
      continue
    }
    // Broadband requests wait for a device of the counter's (a front-desk tablet leaves them).
    if (!records) continue
    const outcome = await decide(request, envelope._id)
    await acknowledge(envelope._id, outcome)
    if (outcome.outcome === 'taken') result.taken++
    else result.refused++
  }
  if (acks.length > 0) await putMemberViews(deps.serverBase, realm, acks, [], deps.fetchFn)
  return result

  async function decide(request: Exclude<SelfRequest, { kind: 'password' }>, requestId: string): Promise<Outcome> {
    const r = records!
    const agreement = await r.agreements.get(request.accountId)
    // CONF-11: a request names only the member's own accounts.
    if (!agreement || agreement.subscriberId !== signin.personId) return { outcome: 'refused', reason: 'not-their-account' }
    const [changes, lines, disputes, reviewed, objections] = await Promise.all([
      r.statusChanges.byParent(request.accountId),
      r.ledger.byParent(request.accountId),
      r.disputes.byParent(request.accountId),
      r.duplicateReviews.byParent(request.accountId),
      r.objections.byParent(request.accountId),
    ])
    const slice = { accountId: request.accountId, agreement, changes, lines, disputes, reviews: reviewed.map((x) => x.record), today, now }
    if (request.kind === 'dispute') {
      const disputeId = `bb-dispute:${requestId.slice(requestId.indexOf(':') + 1)}`
      if (await r.disputes.get(disputeId)) return { outcome: 'taken' }
      const line = broadbandMonthViews(slice).flatMap((m) => m.lines).find((l) => l.id === request.entryId)
      if (!line) return { outcome: 'refused', reason: 'no-such-charge' }
      if (line.dispute.state !== 'open') return { outcome: 'refused', reason: line.dispute.reason }
      await r.disputes.put({ accountId: request.accountId, entryId: request.entryId, raisedOn: today, raisedBy: signin.userId, reason: request.reason, status: 'open' }, disputeId)
      return { outcome: 'taken' }
    }
    if (objections.some((o) => o.record.noticeId === request.noticeId)) return { outcome: 'taken' }
    const notice = broadbandAccountView({ ...slice, notices: await r.notices.list(), objections: objections.map((o) => o.record) }).notices.find((n) => n.id === request.noticeId)
    // BB-13: open to objection only while the counter's own rule says so (before the day the terms apply).
    const standing = notice?.kind === 'terms' && notice.effectiveOn ? termsStanding({ effectiveOn: notice.effectiveOn }, objections.map((o) => o.record), today) : undefined
    if (standing !== 'open') return { outcome: 'refused', reason: 'not-open' }
    await r.objections.add({ noticeId: request.noticeId, accountId: request.accountId, on: today, at: now, by: signin.userId, outcome: 'recorded', note: request.reason })
    return { outcome: 'taken' }
  }
}
