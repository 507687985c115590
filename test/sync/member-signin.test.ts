// @vitest-environment node
// Issue 14 (BB-11, CONF-11): the desk issues a one-time code; a fresh phone signs in with it, must set its own
// password, and the code stops working; a forgotten password gets a new code for the same account.
import { describe, expect, it } from 'vitest'
import { issueMemberSignin } from '../../src/features/member-signins/issue-signin'
import { changeMemberPassword, memberSignIn, setMemberPassword } from '../../src/identity/member-sign-in'
import { databaseNameFor } from '../../src/sync/remote-names'
import { testDevice } from './device'
import { cost, firstSignIn, foundedWithDesk } from './organisation'
import { eachTestSyncServer } from './sync-server'
import { phoneFetch } from '../support/phone-fetch'

const server = eachTestSyncServer()


async function deskWithPerson() {
  const admin = testDevice(server.dbUrl)
  const { desk } = await foundedWithDesk(admin, server.admin)
  const tablet = testDevice(server.dbUrl)
  const session = await firstSignIn(tablet, desk, 'li.desk')
  const personId = await tablet.storage.people.put({ name: '张三', phone: '13800000001', createdAt: '2026-12-01T09:00:00Z' })
  const orgId = (await tablet.storage.signIns.getOrg())!.orgId
  const issue = (signInName: string, person = personId) =>
    issueMemberSignin(tablet.storage, session, { personId: person, signInName }, { serverBase: server.dbUrl, fetchFn: tablet.fetch, cost, waitMs: 5000 })
  return { tablet, session, personId, orgId, issue }
}

describe('a member\'s sign-in on their phone (issue 14, BB-11)', () => {
  it('BB-11: the code opens a first sign-in that must set a password; then the code is used up and the password works', async () => {
    const { orgId, issue } = await deskWithPerson()
    const issued = await issue('M-0001')
    if (!issued.ok) throw new Error(issued.problem)
    expect(issued.outcome).toEqual({ state: 'ready' })

    const phone = phoneFetch()
    const first = await memberSignIn(orgId, 'm-0001 ', issued.code.toLowerCase().replaceAll('-', ''), { serverBase: server.dbUrl, cost, fetchFn: phone })
    if (first.status !== 'setup-required') throw new Error(`expected setup, got ${first.status}`)
    // CONF-11: the keyring holds the member's own realm key and nothing else.
    expect([...first.pending.keyring.realmKeys.keys()]).toEqual([`member:${first.pending.userId}:1`])
    expect(first.pending.keyring.indexKeys.size).toBe(0)

    expect(await setMemberPassword(first.pending, { password: 'short', repeat: 'short' }, { fetchFn: phone })).toEqual({ ok: false, problem: 'too-short' })
    expect(await setMemberPassword(first.pending, { password: 'my own long password 7', repeat: 'my own long password 8' }, { fetchFn: phone })).toEqual({ ok: false, problem: 'mismatch' })
    const set = await setMemberPassword(first.pending, { password: 'my own long password 7', repeat: 'my own long password 7' }, { fetchFn: phone })
    if (!set.ok) throw new Error(set.problem)

    // The member's session reaches their own database.
    expect((await phone(`${server.dbUrl}${databaseNameFor(`member:${set.session.userId}`)}`)).status).toBe(200)

    const again = await memberSignIn(orgId, 'M-0001', issued.code, { serverBase: server.dbUrl, cost, fetchFn: phoneFetch() })
    expect(again).toEqual({ status: 'refused', reason: 'wrong-credentials' })
    const back = await memberSignIn(orgId, 'M-0001', 'my own long password 7', { serverBase: server.dbUrl, cost, fetchFn: phoneFetch() })
    expect(back.status).toBe('signed-in')
  })

  it('BB-11: offline, the phone opens its own kept keyring with the password, and nothing with a wrong one', async () => {
    const { orgId, issue } = await deskWithPerson()
    const issued = await issue('M-0002')
    if (!issued.ok) throw new Error(issued.problem)
    const phone = phoneFetch()
    const first = await memberSignIn(orgId, 'M-0002', issued.code, { serverBase: server.dbUrl, cost, fetchFn: phone })
    if (first.status !== 'setup-required') throw new Error(JSON.stringify(first))
    const set = await setMemberPassword(first.pending, { password: 'tea by the window 42', repeat: 'tea by the window 42' }, { fetchFn: phone })
    if (!set.ok) throw new Error(set.problem)
    const offline: typeof fetch = () => Promise.reject(new TypeError('fetch failed: offline'))
    const opened = await memberSignIn(orgId, 'M-0002', 'tea by the window 42', { serverBase: server.dbUrl, cost, fetchFn: offline, kept: set.kept })
    expect(opened.status === 'signed-in' && opened.offline).toBe(true)
    expect(await memberSignIn(orgId, 'M-0002', 'coffee by the window 42', { serverBase: server.dbUrl, cost, fetchFn: offline, kept: set.kept })).toEqual({ status: 'refused', reason: 'wrong-credentials' })
    expect(await memberSignIn(orgId, 'M-0009', 'tea by the window 42', { serverBase: server.dbUrl, cost, fetchFn: offline, kept: set.kept })).toEqual({ status: 'refused', reason: 'offline-unknown' })
  })

  it('BB-11: a forgotten password: a new code for the same name reaches the same account and realm key', async () => {
    const { orgId, issue } = await deskWithPerson()
    const issued = await issue('M-0003')
    if (!issued.ok) throw new Error(issued.problem)
    const phone = phoneFetch()
    const first = await memberSignIn(orgId, 'M-0003', issued.code, { serverBase: server.dbUrl, cost, fetchFn: phone })
    if (first.status !== 'setup-required') throw new Error(JSON.stringify(first))
    const set = await setMemberPassword(first.pending, { password: 'forgotten soon enough 1', repeat: 'forgotten soon enough 1' }, { fetchFn: phone })
    if (!set.ok) throw new Error(set.problem)

    const reissued = await issue('M-0003')
    if (!reissued.ok) throw new Error(reissued.problem)
    expect(reissued.again).toBe(true)
    expect(reissued.userId).toBe(issued.userId)
    const newPhone = phoneFetch()
    const second = await memberSignIn(orgId, 'M-0003', reissued.code, { serverBase: server.dbUrl, cost, fetchFn: newPhone })
    if (second.status !== 'setup-required') throw new Error(second.status)
    expect(await second.pending.keyring.realmKeys.get(`member:${issued.userId}:1`)).toBeDefined()
    // The old password no longer opens the account.
    expect((await memberSignIn(orgId, 'M-0003', 'forgotten soon enough 1', { serverBase: server.dbUrl, cost, fetchFn: phoneFetch() })).status).toBe('refused')
  })

  it('a sign-in name another person holds is refused at the desk (a new code would hand over their account)', async () => {
    const { tablet, issue } = await deskWithPerson()
    const issued = await issue('shared-name')
    expect(issued.ok).toBe(true)
    const other = await tablet.storage.people.put({ name: '李四', createdAt: '2026-12-01T10:00:00Z' })
    expect(await issue('Shared-Name', other)).toEqual({ ok: false, problem: 'name-taken' })
    expect(await issue('  ', other)).toEqual({ ok: false, problem: 'name-required' })
  })

  it('BB-11: the member changes their password on the phone: the current one is asked, the old one stops working', async () => {
    const { orgId, issue } = await deskWithPerson()
    const issued = await issue('M-0004')
    if (!issued.ok) throw new Error(issued.problem)
    const phone = phoneFetch()
    const first = await memberSignIn(orgId, 'M-0004', issued.code, { serverBase: server.dbUrl, cost, fetchFn: phone })
    if (first.status !== 'setup-required') throw new Error(first.status)
    const set = await setMemberPassword(first.pending, { password: 'first of many passwords', repeat: 'first of many passwords' }, { fetchFn: phone })
    if (!set.ok) throw new Error(set.problem)
    const deps = { serverBase: server.dbUrl, fetchFn: phone }
    expect(await changeMemberPassword(set.session, set.kept, { current: 'not the password at all', password: 'second of many passwords', repeat: 'second of many passwords' }, deps)).toEqual({ ok: false, problem: 'wrong-credentials' })
    const changed = await changeMemberPassword(set.session, set.kept, { current: 'first of many passwords', password: 'second of many passwords', repeat: 'second of many passwords' }, deps)
    if (!changed.ok) throw new Error(changed.problem)
    expect((await memberSignIn(orgId, 'M-0004', 'first of many passwords', { serverBase: server.dbUrl, cost, fetchFn: phoneFetch() })).status).toBe('refused')
    expect((await memberSignIn(orgId, 'M-0004', 'second of many passwords', { serverBase: server.dbUrl, cost, fetchFn: phoneFetch() })).status).toBe('signed-in')
    // Offline on this phone, the kept keyring opens with the new one only.
    const offline: typeof fetch = () => Promise.reject(new TypeError('fetch failed: offline'))
    expect((await memberSignIn(orgId, 'M-0004', 'second of many passwords', { serverBase: server.dbUrl, cost, fetchFn: offline, kept: changed.kept })).status).toBe('signed-in')
    expect((await memberSignIn(orgId, 'M-0004', 'first of many passwords', { serverBase: server.dbUrl, cost, fetchFn: offline, kept: changed.kept })).status).toBe('refused')
  })
})
