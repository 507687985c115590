import * as v from 'valibot'
import { holdsRealm } from '@/core/access/realm-access'
import { deskTimeZone } from '@/core/organisation/time-zone'
import { broadbandAccountView, broadbandMonthViews } from '@/core/self-service/broadband-view'
import { selfRequestSchema, type SelfRequest } from '@/core/self-service/requests'
import type { PersonSignin } from '@/core/self-service/signin'
import { localDateOf } from '@/core/shared/local-date'
import { fromBase64Url } from '@/crypto/bytes'
import { open, type Envelope } from '@/crypto/envelope'
import { importRealmKey } from '@/crypto/realm-keys'
import { createBroadbandRecords } from '@/features/broadband/broadband-records'
import type { Session } from '@/identity/session'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { memberRequests } from '@/sync/member-signins'
import { signinIdOf } from './signin-records'
import './member-signins.audit'

/** Requests refused in this tab already: audited once, not at every page opened. */
const refusedHere = new Set<string>()

export interface TakeInResult {
  taken: number
  /** Requests the counter's rules refuse now (a line too old, an account not the member's…): left as they are. */
  refused: number
}

/**
 * Issue 14 §4 (BB-7, BB-13): the member's requests from their phone, taken into the counter's own realm by a staff
 * device that holds it. The desk's rules decide again, on what the counter knows now: a dispute only of a charge on
 * an account of this person's, still open to dispute (the same fold the phone's button came from); an objection
 * only to a terms notice of that account before its effective day. The record's id comes from the request's, so two
 * devices taking in the same request write the same dispute (a merge, never two). What is taken is audited.
 */
export async function takeInMemberRequests(
  storage: LobbyStorage,
  session: Session,
  signin: PersonSignin,
  deps: { serverBase: string; fetchFn?: typeof fetch; now?: number },
): Promise<TakeInResult> {
  const result: TakeInResult = { taken: 0, refused: 0 }
  if (!holdsRealm({ role: session.role, userId: session.userId }, 'accounts')) return result
  const realm = `member:${signin.userId}`
  const envelopes = await memberRequests(deps.serverBase, realm, deps.fetchFn)
  if (envelopes.length === 0) return result
  const key = await importRealmKey(fromBase64Url(signin.realmKey), false)
  const requests: { id: string; request: SelfRequest }[] = []
  for (const envelope of envelopes) {
    // Only what the member wrote, in their realm, under their key: the server checked `by` against the sign-in.
    if (envelope.realm !== realm || envelope.by !== signin.userId || envelope.kid !== signin.kid) continue
    const parsed = v.safeParse(selfRequestSchema, await open<unknown>(envelope as unknown as Envelope, (kid) => (kid === signin.kid ? key : undefined)).catch(() => undefined))
    if (parsed.success) requests.push({ id: envelope._id, request: parsed.output })
  }

  const records = createBroadbandRecords(storage.recordContext)
  const organisation = await storage.orgSettings.read()
  const now = deps.now ?? Date.now()
  const today = localDateOf(now, deskTimeZone(organisation.saved ? organisation.settings.timeZone : undefined, undefined))
  const audit = (detail: string, recordId: string) =>
    storage.audit.append({ action: 'member-signins.take-in', by: session.userId, recordId, recordType: 'person-signin', detail })
  const refuse = async (requestId: string, detail: string) => {
    result.refused++
    if (refusedHere.has(requestId)) return
    refusedHere.add(requestId)
    await audit(detail, signinIdOf(signin.personId))
  }

  for (const { id, request } of requests) {
    const agreement = await records.agreements.get(request.accountId)
    if (!agreement || agreement.subscriberId !== signin.personId) {
      await refuse(id, `${request.kind} refused: not this member's account`)
      continue
    }
    const [changes, lines, disputes, reviewed, objections] = await Promise.all([
      records.statusChanges.byParent(request.accountId),
      records.ledger.byParent(request.accountId),
      records.disputes.byParent(request.accountId),
      records.duplicateReviews.byParent(request.accountId),
      records.objections.byParent(request.accountId),
    ])
    const slice = { accountId: request.accountId, agreement, changes, lines, disputes, reviews: reviewed.map((r) => r.record), today, now }
    if (request.kind === 'dispute') {
      const disputeId = `bb-dispute:${id.slice('self-dispute:'.length)}`
      if (await records.disputes.get(disputeId)) continue
      const line = broadbandMonthViews(slice).flatMap((m) => m.lines).find((l) => l.id === request.entryId)
      if (!line || line.dispute.state !== 'open') {
        await refuse(id, `dispute refused: ${line?.dispute.state === 'closed' ? line.dispute.reason : 'no such charge'}`)
        continue
      }
      await records.disputes.put({ accountId: request.accountId, entryId: request.entryId, raisedOn: today, raisedBy: signin.userId, reason: request.reason, status: 'open' }, disputeId)
      await audit('dispute', disputeId)
      result.taken++
    } else {
      if (objections.some((o) => o.record.noticeId === request.noticeId)) continue
      const notices = await records.notices.list()
      const notice = broadbandAccountView({ ...slice, notices, objections: objections.map((o) => o.record) }).notices.find((n) => n.id === request.noticeId)
      if (!notice || notice.kind !== 'terms' || notice.objected || (notice.effectiveOn !== undefined && notice.effectiveOn <= today)) {
        await refuse(id, 'objection refused: not open')
        continue
      }
      const objectionId = await records.objections.add({ noticeId: request.noticeId, accountId: request.accountId, on: today, at: now, by: signin.userId, outcome: 'recorded', note: request.reason })
      await audit('objection', objectionId)
      result.taken++
    }
  }
  return result
}
