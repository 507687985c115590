import { describe, expect, it } from 'vitest'
import { claimEpochOnServer, claimOrOwn } from './epoch-claim'

// Issue 9 §5 (CONF-9): one rotation per epoch, claimed on the server; a device that never synced has no rival.
describe('claiming a realm key epoch from a browser', () => {
  it('keeps what the server said when it answered', async () => {
    expect(await claimOrOwn('claimed', async () => true)).toBe('claimed')
    expect(await claimOrOwn('taken', async () => false)).toBe('taken')
  })

  it('waits for the server when this device has synced before: another device may be rotating too', async () => {
    expect(await claimOrOwn('unreachable', async () => true)).toBe('unreachable')
  })

  it('owns the epoch when the organisation never synced from this device: no other device holds its keys', async () => {
    expect(await claimOrOwn('unreachable', async () => false)).toBe('claimed')
  })
})

// Issue 9 §5 (CONF-9): the epoch is ours only when the claim the server holds names this user and this device.
describe('whose a claim the server already holds is', () => {
  /** The server as it answers a second PUT: refused, and the stored claim on a GET. */
  const holding = (held: object): typeof fetch => async (_url, init) =>
    init?.method === 'PUT' ? new Response('{"error":"conflict"}', { status: 409 }) : Response.json(held)
  const me = { by: 'u1', device: 'tablet-1' }

  it('is ours when it names this user on this device (a rotation interrupted after claiming)', async () => {
    expect(await claimEpochOnServer('http://lobby/db/', 'desk:2', me, holding({ by: 'u1', device: 'tablet-1' }))).toBe('claimed')
  })

  it('is taken when the same user claimed it on another device: that device mints its own key', async () => {
    expect(await claimEpochOnServer('http://lobby/db/', 'desk:2', me, holding({ by: 'u1', device: 'tablet-2' }))).toBe('taken')
    expect(await claimEpochOnServer('http://lobby/db/', 'desk:2', me, holding({ by: 'u2', device: 'tablet-1' }))).toBe('taken')
  })

  it('is its user\'s when written before claims named a device: only that user could still mint it', async () => {
    expect(await claimEpochOnServer('http://lobby/db/', 'desk:2', me, holding({ by: 'u1' }))).toBe('claimed')
    expect(await claimEpochOnServer('http://lobby/db/', 'desk:2', me, holding({ by: 'u2' }))).toBe('taken')
  })
})
