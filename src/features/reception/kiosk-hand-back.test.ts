import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { orgWithSignedInColleague, testFounder } from '@/identity/testing'
import { deskUserTakesBack } from './kiosk-hand-back'

// Issue 11 §8: the visitor-facing privacy mode ends only for the desk user signed in on the tablet.
describe('the desk takes the kiosk back from the visitor', () => {
  it('the signed-in desk user’s own passphrase takes it back; no session, key or keyring is handed out', async () => {
    const t = await orgWithSignedInColleague('frontdesk')
    const outcome = await deskUserTakesBack(t.storage, t.leaver.username, 'green tea every single morning')
    expect(outcome).toEqual({ ok: true })
  })

  it('a wrong secret does not, and counts as a failed attempt (the lock screen’s growing wait applies)', async () => {
    const t = await orgWithSignedInColleague('frontdesk')
    for (const guess of ['wrong one', 'wrong two', 'wrong three']) expect(await deskUserTakesBack(t.storage, t.leaver.username, guess)).toEqual({ ok: false, why: 'wrong' })
    // The right one now waits too: the same throttle as the lock screen's (CONF-7).
    expect(await deskUserTakesBack(t.storage, t.leaver.username, 'green tea every single morning')).toMatchObject({ ok: false, why: 'wait' })
  })

  it('another staff member’s passphrase (the visitor saw a colleague type it) does not', async () => {
    const t = await orgWithSignedInColleague('frontdesk')
    expect(await deskUserTakesBack(t.storage, t.leaver.username, testFounder.passphrase)).toEqual({ ok: false, why: 'wrong' })
  })
})
