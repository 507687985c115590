import { holdsRealm } from '@/core/access/realm-access'
import { deskTimeZone } from '@/core/organisation/time-zone'
import { broadbandAccountView, broadbandMonthViews } from '@/core/self-service/broadband-view'
import { membershipView } from '@/core/self-service/membership-view'
import type { PersonSignin } from '@/core/self-service/signin'
import { visitsViews } from '@/core/self-service/visits-view'
import { localDateOf } from '@/core/shared/local-date'
import { fromBase64Url } from '@/crypto/bytes'
import { seal, type Envelope } from '@/crypto/envelope'
import { importRealmKey } from '@/crypto/realm-keys'
import { createBroadbandRecords } from '@/features/broadband/broadband-records'
import { signedCardText } from '@/features/members/card-signing'
import { deskSettings } from '@/features/members/desk-slice'
import type { Session } from '@/identity/session'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { putMemberViews } from '@/sync/member-signins'
import { createSigninRecords, signinIdOf } from './signin-records'
import { takeInMemberRequests } from './take-in-requests'
import './member-signins.audit'

/** One view to write: its deterministic id (`<type>:…`), type and body. */
interface ViewDoc {
  id: string
  type: string
  body: unknown
}

/**
 * Issue 14 §3: the views of one person's own account this device can work out. A front-desk tablet folds the
 * membership (the desk realm); the counter folds broadband (the accounts realm); a manager both. Each is worked out
 * whole from its records, so two devices write the same body (concurrent writes converge on content).
 */
export async function memberViewsOf(storage: LobbyStorage, session: Session, personId: string, now: number): Promise<ViewDoc[]> {
  const actor = { role: session.role, userId: session.userId }
  const person = await storage.people.get(personId)
  if (!person) return []
  const { settings: organisation } = await storage.orgSettings.read()
  const profile = { personId, name: person.name, ...(organisation.memberPasswordDays ? { passwordReminderDays: organisation.memberPasswordDays } : {}), foldedAt: now }
  const docs: ViewDoc[] = [{ id: `self-profile:${personId}`, type: 'self-profile', body: profile }]
  const org = await storage.signIns.getOrg()

  if (holdsRealm(actor, 'desk') && org) {
    const { settings } = await deskSettings(storage)
    const today = localDateOf(now, settings.timeZone)
    // MEM-8: the public halves only, so the phone can tell its own card was not altered.
    const cardPublicJwks: Record<string, JsonWebKey> = {}
    for (const key of await storage.desk.cardKeys.list()) if (key.orgId === org.orgId) cardPublicJwks[String(key.epoch)] = key.publicJwk
    for (const { id: memberId, record: member } of await storage.desk.members.ofPerson(personId)) {
      const [ledger, checkIns, checkOuts, serviceLogs] = await Promise.all([
        storage.desk.ledger.byParent(memberId),
        storage.desk.checkIns.byParent(memberId),
        storage.desk.checkOuts.byParent(memberId),
        storage.desk.serviceLogs.byParent(memberId),
      ])
      const cardText = await signedCardText(storage, memberId, member.cardSerial)
      const view = membershipView({
        memberId, member, ledger, serviceLogs: serviceLogs.map((s) => s.record), settings, today, cardText, cardPublicJwks, now,
      })
      docs.push({ id: `self-membership:${memberId}`, type: 'self-membership', body: view })
      for (const year of visitsViews(memberId, checkIns, checkOuts.map((c) => c.record), settings.timeZone, now)) {
        docs.push({ id: `self-visits:${memberId}:${year.year}`, type: 'self-visits', body: year })
      }
    }
  }

  if (holdsRealm(actor, 'accounts')) {
    const records = createBroadbandRecords(storage.recordContext)
    const organisation = await storage.orgSettings.read()
    const today = localDateOf(now, deskTimeZone(organisation.saved ? organisation.settings.timeZone : undefined, undefined))
    const notices = await records.notices.list()
    for (const { id: accountId, record: agreement } of await records.agreements.byParent(personId)) {
      const [changes, lines, disputes, reviewed, objections] = await Promise.all([
        records.statusChanges.byParent(accountId),
        records.ledger.byParent(accountId),
        records.disputes.byParent(accountId),
        records.duplicateReviews.byParent(accountId),
        records.objections.byParent(accountId),
      ])
      const slice = { accountId, agreement, changes, lines, disputes, reviews: reviewed.map((r) => r.record), today, now }
      docs.push({ id: `self-bb-account:${accountId}`, type: 'self-bb-account', body: broadbandAccountView({ ...slice, notices, objections: objections.map((o) => o.record) }) })
      for (const month of broadbandMonthViews(slice)) docs.push({ id: `self-bb-month:${accountId}:${month.month}`, type: 'self-bb-month', body: month })
    }
  }
  return docs
}

/** Seals the views under the member's realm key, as their author. */
async function sealViews(signin: PersonSignin, by: string, views: readonly ViewDoc[]): Promise<Envelope[]> {
  const key = await importRealmKey(fromBase64Url(signin.realmKey), false)
  const realm = `member:${signin.userId}`
  return Promise.all(views.map((view) => seal({ _id: view.id, type: view.type, realm, kid: signin.kid, v: 1, by }, view.body, key)))
}

export type ViewsResult = { written: number; taken: number } | { skipped: 'no-signin' | 'offline' }

/**
 * Issue 14 §3: writes a person's views into their own database, when they have a sign-in. Called when the sign-in
 * is issued and when the desk or counter changes what the views show (and to catch up: opening the person's
 * page); offline it waits for the next call.
 */
export async function writeMemberViews(
  storage: LobbyStorage,
  session: Session,
  personId: string,
  deps: { serverBase: string; fetchFn?: typeof fetch; now?: number },
): Promise<ViewsResult> {
  const signin = await createSigninRecords(storage.recordContext).get(signinIdOf(personId))
  if (!signin) return { skipped: 'no-signin' }
  const now = deps.now ?? Date.now()
  try {
    // The member's requests first, so the views say where each stands.
    const { taken } = await takeInMemberRequests(storage, session, signin, { ...deps, now })
    const docs = await sealViews(signin, session.userId, await memberViewsOf(storage, session, personId, now))
    const { written } = await putMemberViews(deps.serverBase, `member:${signin.userId}`, docs, [], deps.fetchFn)
    await storage.audit.append({ action: 'member-signins.views', by: session.userId, recordId: signinIdOf(personId), recordType: 'person-signin', detail: `${written} views` })
    return { written, taken }
  } catch (e) {
    if (e instanceof TypeError) return { skipped: 'offline' }
    throw e
  }
}
