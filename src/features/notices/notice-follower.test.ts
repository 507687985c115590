import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { createOrganisation } from '@/identity/organisation'
import { createStaff } from '@/identity/staff-accounts'
import { completeFirstSignIn } from '@/identity/first-sign-in'
import { signIn } from '@/identity/sign-in'
import { testFounder, testKdfCost } from '@/identity/testing'
import { keySourceFrom } from '@/storage/keyring-key-source'
import type { OpenedNotice } from '@/storage/notices.repo'
import { createTestStorage } from '@/storage/testing'
import { announceWithinMs, followNotices } from './notice-follower'
import { noticeText } from './notice-text'
import { noticeAlertWords } from './notices.nav'

describe('REC-3: the host\'s notices, live as they arrive', { timeout: 30_000 }, () => {
  it('lists unacknowledged notices as they arrive, announces each new one once, and drops one once acknowledged', async () => {
    const t = createTestStorage()
    const org = await createOrganisation(t.storage, testFounder, testKdfCost)
    if (!org.ok) throw new Error(org.problem)
    t.setKeys(keySourceFrom(org.session.keyring))
    const created = await createStaff(t.storage, org.session, { name: 'host', username: 'host1', role: 'agent' }, testKdfCost)
    if (!created.ok) throw new Error(created.problem)
    const first = await signIn(t.storage, 'host1', created.setupCode)
    if (first.status !== 'setup-required') throw new Error(first.status)
    const host = await completeFirstSignIn(t.storage, first.pending, { passphrase: 'green tea every single morning', agreementAccepted: true }, testKdfCost)
    if (!host.ok) throw new Error(host.problem)
    const now = Date.now()
    // The founder sent one a while ago (before the host opened Lobby): listed, not announced.
    t.setKeys(keySourceFrom(org.session.keyring))
    const old = await t.storage.notices.send({ to: created.userId, kind: 'visitor-arrived', body: { name: '旧访客' }, at: now - announceWithinMs - 1 })

    t.setKeys(keySourceFrom(host.session.keyring))
    const lists: OpenedNotice[][] = []
    const announced: string[] = []
    const stop = followNotices((next) => t.storage.notices.watchUnacknowledged(next), (l) => lists.push(l), (n) => announced.push(n.id))
    await vi.waitFor(() => expect(lists.at(-1)?.map((n) => n.id)).toEqual([old]))
    expect(announced).toEqual([])

    // A new one arrives (sync writes it into the table): listed and announced.
    t.setKeys(keySourceFrom(org.session.keyring))
    const fresh = await t.storage.notices.send({ to: created.userId, kind: 'visitor-arrived', body: { name: '欧阳娜娜', place: 'Lobby' }, at: now })
    t.setKeys(keySourceFrom(host.session.keyring))
    await vi.waitFor(() => expect(lists.at(-1)?.map((n) => n.id)).toEqual([fresh, old]))
    expect(announced).toEqual([fresh])

    await t.storage.notices.acknowledge(fresh, now)
    await vi.waitFor(() => expect(lists.at(-1)?.map((n) => n.id)).toEqual([old]))
    expect(announced).toEqual([fresh])
    stop()
  })

  it('says who is waiting where, in both languages', () => {
    const notice = { kind: 'visitor-arrived', body: { visitId: 'visit:1', visitorName: '欧阳娜娜', place: 'Room 2' } }
    expect(noticeText(notice, noticeAlertWords.en)).toEqual({ title: 'Your visitor has arrived', text: '欧阳娜娜 is waiting at Room 2.' })
    expect(noticeText(notice, noticeAlertWords['zh-CN'])).toEqual({ title: '您的访客已到达', text: '欧阳娜娜 正在 Room 2 等候。' })
    expect(noticeText({ kind: 'visitor-arrived', body: {} }, noticeAlertWords.en).text).toBe('A visitor is waiting.')
  })
})
