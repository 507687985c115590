import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSaveSoon } from './save-soon'

describe('SVC-3 typing on a job is saved as it goes', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  it('writes the changes of a burst of typing once, shortly after the last key', async () => {
    const saved: object[] = []
    const s = createSaveSoon<{ workDone: string; minutes: number }>(async (c) => void saved.push(c), 400)
    s.soon({ workDone: 'Rep' })
    await vi.advanceTimersByTimeAsync(300)
    s.soon({ workDone: 'Replaced' })
    s.soon({ minutes: 30 })
    await vi.advanceTimersByTimeAsync(399)
    expect(saved).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(saved).toEqual([{ workDone: 'Replaced', minutes: 30 }])
  })

  it('writes at once when flushed (the field left, the app hidden), and nothing when nothing changed', async () => {
    const saved: object[] = []
    const pending: boolean[] = []
    const s = createSaveSoon<{ workDone: string }>(async (c) => void saved.push(c), 400, (p) => pending.push(p))
    await s.flush()
    s.soon({ workDone: 'Cleaned' })
    expect(s.pending()).toBe(true)
    await s.flush()
    expect(saved).toEqual([{ workDone: 'Cleaned' }])
    expect(s.pending()).toBe(false)
    await vi.advanceTimersByTimeAsync(1000)
    expect(saved).toHaveLength(1)
    // Told when something starts and stops waiting (an update must not reload over it).
    expect(pending).toEqual([true, false])
  })

  it('writes one save at a time, in order', async () => {
    const order: string[] = []
    let release!: () => void
    const s = createSaveSoon<{ workDone: string }>(async (c) => {
      order.push(`start ${c.workDone}`)
      if (c.workDone === 'a') await new Promise<void>((r) => (release = r))
      order.push(`end ${c.workDone}`)
    })
    s.soon({ workDone: 'a' })
    const first = s.flush()
    s.soon({ workDone: 'b' })
    const second = s.flush()
    await vi.advanceTimersByTimeAsync(0)
    expect(order).toEqual(['start a'])
    release()
    await first
    await second
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b'])
  })
})
