import { describe, expect, it } from 'vitest'
import { deviceRotationLock, type LockRequester, type RotationLock } from './rotation-lock'

/** Two pieces of work started together; the first finishes only when released. Returns the order things happened in. */
async function twoAtOnce(lock: RotationLock) {
  const order: string[] = []
  let release!: () => void
  const first = lock(async () => {
    order.push('first starts')
    await new Promise<void>((r) => (release = r))
    order.push('first ends')
    return 1
  })
  const second = lock(async () => {
    order.push('second starts')
    return 2
  })
  // Let both requests reach the lock before the first is released.
  for (let i = 0; i < 5; i++) await Promise.resolve()
  release()
  return { results: await Promise.all([first, second]), order }
}

/** A Web Locks manager that lets every request run at once: only the name asked for is recorded. */
function recordingLocks(): LockRequester & { names: string[] } {
  const names: string[] = []
  return { names, request: (name, work) => (names.push(name), work()) }
}

// Issue 9 §5 (CONF-9): a second rotation on this device waits for the first.
describe('one rotation at a time on a device', () => {
  it('without Web Locks, queues in this tab: the second starts after the first ends', async () => {
    expect(await twoAtOnce(deviceRotationLock(undefined))).toEqual({ results: [1, 2], order: ['first starts', 'first ends', 'second starts'] })
  })

  it('with Web Locks, asks the browser for the origin-wide lock `lobby-rotation` (which keeps other tabs waiting) and nothing more', async () => {
    const locks = recordingLocks()
    const { results, order } = await twoAtOnce(deviceRotationLock(locks))
    expect(results).toEqual([1, 2])
    expect(locks.names).toEqual(['lobby-rotation', 'lobby-rotation'])
    // The browser does the waiting: this one lets both in, and so do we.
    expect(order).toEqual(['first starts', 'second starts', 'first ends'])
  })

  it('a failed rotation does not block the next one', async () => {
    const lock = deviceRotationLock(undefined)
    await expect(lock(() => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full')
    expect(await lock(async () => 'next')).toBe('next')
  })
})
