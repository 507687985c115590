import { describe, expect, it } from 'vitest'
import { claimOrOwn } from './epoch-claim'

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
