import { describe, expect, it } from 'vitest'
import { latestRead } from './latest-read'

// REC-1, REC-6: today's lists are read by the page, by each write and by each sync round that brought something.
describe('only the latest read of the day shows', () => {
  it('REC-6: a read that started earlier but finished later (a sync round’s, from before a write) is dropped', () => {
    const reads = latestRead()
    const beforeWrite = reads.start()
    const afterWrite = reads.start()
    expect(reads.isLatest(afterWrite)).toBe(true)
    expect(reads.isLatest(beforeWrite)).toBe(false)
  })

  it('REC-6: a read alone is shown', () => {
    const reads = latestRead()
    expect(reads.isLatest(reads.start())).toBe(true)
  })
})
