import type { SelfViewsData } from './self-views.fixture'
import type { SelfViews } from './self-views'

/** A request the member sent, as the in-memory views recorded it. */
export interface SentRequest {
  kind: 'dispute' | 'objection'
  accountId: string
  id: string
  reason: string
}

/**
 * `SelfViews` over plain data in memory (actual's `.testing` adapter idea): for the store's tests and the demo.
 * `data` may be replaced or edited and `changed()` called, as sync would; requests are recorded in `sent` and
 * checked as the real views check them (a reason; a line or notice that exists and is still open), but never
 * change the views: only a staff device's fold does.
 */
export function memorySelfViews(initial: SelfViewsData) {
  const listeners = new Set<() => void>()
  const sent: SentRequest[] = []
  const fake = {
    data: structuredClone(initial),
    sent,
    /** Makes every call fail (a locked or broken database) until set back. */
    failing: false,
    /** Tells the listeners the views changed (as a sync round that brought new ones would). */
    changed(): void {
      for (const l of [...listeners]) l()
    },
    listenerCount: () => listeners.size,
  }
  const read = async <T>(pick: (d: SelfViewsData) => T): Promise<T> => {
    if (fake.failing) throw new Error('views unreadable')
    return structuredClone(pick(fake.data))
  }
  const views: SelfViews = {
    orgId: () => read((d) => d.orgId),
    profile: () => read((d) => d.profile),
    memberships: () => read((d) => d.memberships),
    visits: () => read((d) => d.visits),
    accounts: () => read((d) => d.accounts),
    month: (accountId, month) => read((d) => d.months.find((m) => m.accountId === accountId && m.month === month)),
    async raiseDispute({ accountId, entryId, reason }) {
      if (!reason.trim()) return { ok: false, problem: 'reason-required' }
      const line = fake.data.months.filter((m) => m.accountId === accountId).flatMap((m) => m.lines).find((l) => l.id === entryId)
      if (!line) return { ok: false, problem: 'unknown-line' }
      if (line.dispute.state !== 'open' || sent.some((r) => r.kind === 'dispute' && r.id === entryId)) return { ok: false, problem: 'not-open' }
      sent.push({ kind: 'dispute', accountId, id: entryId, reason })
      return { ok: true }
    },
    async objectToTerms({ accountId, noticeId, reason }) {
      if (!reason.trim()) return { ok: false, problem: 'reason-required' }
      const notice = fake.data.accounts.find((a) => a.accountId === accountId)?.notices.find((n) => n.id === noticeId)
      if (!notice || notice.kind !== 'terms' || notice.objected || sent.some((r) => r.kind === 'objection' && r.id === noticeId)) return { ok: false, problem: 'not-open' }
      sent.push({ kind: 'objection', accountId, id: noticeId, reason })
      return { ok: true }
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return Object.assign(fake, { views })
}
