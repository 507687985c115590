import { describe, expect, it } from 'vitest'
import { latestRead } from './latest-read'

// REC-1, REC-6: today's lists are read by the page, by each write and by each sync round that brought something.
describe('a read of the day never shows over a later one', () => {
  it('REC-6: a read that started earlier but finished later (a sync round’s, from before a write) is dropped', () => {
    const reads = latestRead()
    const beforeWrite = reads.start()
    const afterWrite = reads.start()
    expect(reads.mayShow(afterWrite)).toBe(true)
    expect(reads.mayShow(beforeWrite)).toBe(false)
  })

  it('REC-6: an earlier read that finishes first shows at once, without waiting for the later one', () => {
    const reads = latestRead()
    const first = reads.start()
    const second = reads.start()
    expect(reads.mayShow(first)).toBe(true)
    expect(reads.mayShow(second)).toBe(true)
  })

  it('REC-6: a read alone is shown', () => {
    const reads = latestRead()
    expect(reads.mayShow(reads.start())).toBe(true)
  })

  it('REC-1: a registration taken straight into the list (no read) drops a read started before it', () => {
    const reads = latestRead()
    const roundBeforeTheWrite = reads.start()
    reads.shownDirectly()
    expect(reads.mayShow(roundBeforeTheWrite)).toBe(false)
    expect(reads.mayShow(reads.start())).toBe(true)
  })

  it('REC-5: a read that showed its lists no longer sets the approvals it reads next once a later read has shown', () => {
    const reads = latestRead()
    const round = reads.start()
    const registration = reads.start()
    expect(reads.mayShow(round)).toBe(true)
    expect(reads.stillShown(round)).toBe(true)
    expect(reads.mayShow(registration)).toBe(true)
    expect(reads.stillShown(round)).toBe(false)
    expect(reads.stillShown(registration)).toBe(true)
  })
})
