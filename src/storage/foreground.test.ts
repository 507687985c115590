import { describe, expect, it, vi } from 'vitest'
import { foregroundIdle, inForeground } from './foreground'

describe('foreground work goes first (issue 13: a scan during a big sync)', () => {
  it('a background write that asks waits until the scan has finished, then goes', async () => {
    const order: string[] = []
    let finishScan!: () => void
    const scan = inForeground(() => new Promise<void>((resolve) => (finishScan = resolve)).then(() => void order.push('scan')))
    const write = foregroundIdle().then(() => void order.push('write'))
    await Promise.resolve()
    expect(order).toEqual([])
    finishScan()
    await Promise.all([scan, write])
    expect(order).toEqual(['scan', 'write'])
  })

  it('with nothing in the foreground, a write goes at once; a scan that does not end holds it only for the patience given', async () => {
    await expect(foregroundIdle()).resolves.toBeUndefined()
    vi.useFakeTimers()
    try {
      let unstick!: () => void
      const stuck = inForeground(() => new Promise<void>((resolve) => (unstick = resolve)))
      let went = false
      const write = foregroundIdle(2_000).then(() => (went = true))
      await vi.advanceTimersByTimeAsync(1_999)
      expect(went).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      await write
      expect(went).toBe(true)
      unstick()
      await stuck
    } finally {
      vi.useRealTimers()
    }
  })

  it('a scan that fails still lets the writes go', async () => {
    await expect(inForeground(() => Promise.reject(new Error('forged QR')))).rejects.toThrow('forged QR')
    await expect(foregroundIdle(60_000)).resolves.toBeUndefined()
  })
})
