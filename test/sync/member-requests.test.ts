// @vitest-environment node
// Issue 14 (BB-7, BB-13, CONF-11): a member's disputes and objections, sealed on their phone into their own database,
// are taken into the counter's realm only as the counter's own rules allow, once, and never for another's account.
import { describe, expect, it } from 'vitest'
import { randomId } from '../../src/crypto/bytes'
import { seal } from '../../src/crypto/envelope'
import { createBroadbandRecords } from '../../src/features/broadband/broadband-records'
import { issueMemberSignin } from '../../src/features/member-signins/issue-signin'
import { createSigninRecords, signinIdOf } from '../../src/features/member-signins/signin-records'
import { takeInMemberRequests } from '../../src/features/member-signins/take-in-requests'
import { memberSignIn, setMemberPassword } from '../../src/identity/member-sign-in'
import { selfRequestType, type SelfRequest } from '../../src/core/self-service/requests'
import { databaseNameFor } from '../../src/sync/remote-names'
import { testDevice } from './device'
import { addStaff, cost, firstSignIn, foundOrganisation } from './organisation'
import { eachTestSyncServer } from './sync-server'
import { phoneFetch } from '../support/phone-fetch'

const server = eachTestSyncServer()
// 20 January 2027 at noon in Shanghai: the counter's today.
const now = Date.parse('2027-01-20T12:00:00+08:00')


/** An agent's counter with two subscribers' accounts: an old charge, a recent one, and a terms notice. */
async function counterWithSubscribers() {
  const office = testDevice(server.dbUrl)
  const admin = await foundOrganisation(office, server.admin)
  const agentAccount = await addStaff(office, server.admin, admin, { name: '孙宽带', username: 'sun.agent', role: 'agent' })
  expect((await office.login(admin.userId, admin.serverPassword!)).ok).toBe(true)
  await (await office.engineFor(admin)).runOnce()
  const counter = testDevice(server.dbUrl)
  const agent = await firstSignIn(counter, agentAccount, 'sun.agent')
  const records = createBroadbandRecords(counter.storage.recordContext)
  const account = async (subscriberId: string, accountNo: string) => {
    const id = await records.agreements.put({ accountNo, accountName: accountNo, subscriberId, plan: { name: '100M', monthlyFee: 10_000, singlePortFee: 3_000 }, cycleStart: '2026-06-01', cycleEnd: '2027-05-31', createdAt: now, createdBy: agent.userId })
    await records.statusChanges.add({ accountId: id, to: 'active', on: '2026-06-01', at: now, by: agent.userId, reason: 'service-start' })
    const old = await records.ledger.add({ accountId: id, kind: 'charge', amount: 10_000, on: '2026-07-02', at: now, by: agent.userId, month: '2026-06', due: '2026-06-30' })
    await records.ledger.add({ accountId: id, kind: 'payment', amount: 10_000, on: '2026-07-02', at: now, by: agent.userId, channel: 'counter', receiptNo: `R-${accountNo}` })
    const recent = await records.ledger.add({ accountId: id, kind: 'charge', amount: 10_000, on: '2027-01-10', at: now, by: agent.userId, month: '2027-01', due: '2027-01-31' })
    return { id, old, recent }
  }
  const personId = await counter.storage.people.put({ name: '黄庭坚', createdAt: '2026-06-01T09:00:00Z' })
  const otherId = await counter.storage.people.put({ name: '秦观', createdAt: '2026-06-01T09:00:00Z' })
  const own = await account(personId, 'KD-1')
  const other = await account(otherId, 'KD-2')
  const noticeId = await records.notices.put({ kind: 'terms', title: '新资费', body: '自 3 月起月费调整。', channels: ['sms'], postedAt: now, postedOn: '2027-01-15', postedBy: agent.userId, effectiveOn: '2027-03-01' })
  const orgId = (await counter.storage.signIns.getOrg())!.orgId
  const issued = await issueMemberSignin(counter.storage, agent, { personId, signInName: 'KD-1' }, { serverBase: server.dbUrl, fetchFn: counter.fetch, cost, waitMs: 5000 })
  if (!issued.ok) throw new Error(issued.problem)
  // The subscriber's phone: first sign-in, own password.
  const phone = phoneFetch()
  const first = await memberSignIn(orgId, 'KD-1', issued.code, { serverBase: server.dbUrl, fetchFn: phone, cost })
  if (first.status !== 'setup-required') throw new Error(first.status)
  const set = await setMemberPassword(first.pending, { password: 'the garden gate 2027', repeat: 'the garden gate 2027' }, { fetchFn: phone })
  if (!set.ok) throw new Error(set.problem)
  const realm = `member:${set.session.userId}`
  const kid = `${realm}:1`
  /** What the member app does: seal the request under the member's key, as its author, into their database. */
  const send = async (request: SelfRequest) => {
    const type = selfRequestType[request.kind]
    const envelope = await seal({ _id: `${type}:${randomId()}`, type, realm, kid, v: 1, by: set.session.userId }, request, set.session.keyring.realmKeys.get(kid)!)
    const res = await phone(`${server.dbUrl}${databaseNameFor(realm)}/${encodeURIComponent(envelope._id)}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(envelope) })
    expect(res.status).toBe(201)
    return envelope._id
  }
  const signin = (await createSigninRecords(counter.storage.recordContext).get(signinIdOf(personId)))!
  const takeIn = () => takeInMemberRequests(counter.storage, agent, signin, { serverBase: server.dbUrl, fetchFn: counter.fetch, now })
  return { records, own, other, noticeId, send, takeIn, counter, admin }
}

describe('a member\'s requests taken in at the counter (issue 14)', () => {
  it('BB-7: a dispute of a recent charge becomes the counter\'s own, once; an old one and another\'s account are refused', async () => {
    const { records, own, other, send, takeIn } = await counterWithSubscribers()
    const recent = await send({ kind: 'dispute', accountId: own.id, entryId: own.recent, reason: 'Down for a week', at: now })
    await send({ kind: 'dispute', accountId: own.id, entryId: own.old, reason: 'Too old to dispute', at: now })
    // CONF-11: the member names someone else's account and charge.
    await send({ kind: 'dispute', accountId: other.id, entryId: other.recent, reason: 'Not mine', at: now })

    expect(await takeIn()).toEqual({ taken: 1, refused: 2 })
    const disputes = await records.disputes.list()
    expect(disputes).toEqual([{ id: `bb-dispute:${recent.slice('self-dispute:'.length)}`, record: expect.objectContaining({ accountId: own.id, entryId: own.recent, status: 'open', reason: 'Down for a week', raisedOn: '2027-01-20' }) }])
    // Taken again (another page opened, another device): each request was acknowledged, nothing is taken twice.
    expect(await takeIn()).toEqual({ taken: 0, refused: 0 })
    expect(await records.disputes.list()).toHaveLength(1)
  })

  it('BB-13: an objection to a terms notice before its effective day is recorded once', async () => {
    const { records, own, noticeId, send, takeIn } = await counterWithSubscribers()
    await send({ kind: 'objection', accountId: own.id, noticeId, reason: '不同意涨价', at: now })
    await send({ kind: 'objection', accountId: own.id, noticeId: 'bb-notice:none', reason: 'no such notice', at: now })
    expect(await takeIn()).toEqual({ taken: 1, refused: 1 })
    expect((await records.objections.byParent(own.id)).map((o) => o.record)).toEqual([expect.objectContaining({ noticeId, outcome: 'recorded', note: '不同意涨价', on: '2027-01-20' })])
    expect(await takeIn()).toEqual({ taken: 0, refused: 0 })
  })

  it('BB-11: a password set on the phone is noted in the audit log, once', async () => {
    const { send, takeIn, counter, admin } = await counterWithSubscribers()
    const id = await send({ kind: 'password', first: false, at: now })
    expect(await takeIn()).toEqual({ taken: 0, refused: 0 })
    await takeIn()
    // What the agent's device wrote to the audit log, read with the audit key (the admin holds it here).
    const noted = (await counter.storage.audit.read(admin.keyring.auditPrivate!)).map((r) => r.event).filter((e) => e?.recordId === id)
    expect(noted).toEqual([expect.objectContaining({ action: 'member-signins.take-in', detail: expect.stringContaining('noted') })])
  })
})
