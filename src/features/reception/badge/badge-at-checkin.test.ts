import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createI18n } from 'vue-i18n'
import { en } from '@/locales/en'
import { zhCN } from '@/locales/zh-CN'
import { checkinMessages } from '@/features/checkin/checkin.messages'
import CheckinVerdict from '@/features/checkin/CheckinVerdict.vue'
import { scanAtDesk } from '@/features/members/checkin-actions'
import { loadDeskSnapshot } from '@/features/members/desk-snapshot'
import { deskOrganisation } from '@/features/members/test-desk'
import type { CheckInDecision } from '@/core/membership/types'
import { issueBadge } from './badge-token'

const at = Date.UTC(2026, 11, 7, 2, 0)
const expiresAt = at + 8 * 3_600_000

async function desk() {
  const { storage, session } = await deskOrganisation()
  const issued = await issueBadge(storage, 'visit:Zm9vYmFyYmF6cXV4MTIzNA', expiresAt)
  if (!issued.ok) throw new Error(issued.problem)
  const ctx = { storage, now: at, userId: session.userId, deviceId: 'tablet-1' }
  const audited = async () => (await storage.audit.read(session.keyring.auditPrivate!)).map((e) => e.event?.action)
  return { ctx, badge: issued.text, audited, storage }
}

describe('REC-4 a visitor badge at the member check-in scanner', () => {
  it('REC-4: a visitor badge reads as a visitor badge (check out at reception), is not a forged card, and is not audited as one', async () => {
    const { ctx, badge, audited, storage } = await desk()
    const outcome = await scanAtDesk(ctx, badge)
    expect(outcome.decision).toEqual({ admit: false, reason: 'visitor-badge' })
    expect(outcome.checkInId).toBeUndefined()
    expect(await audited()).not.toContain('card.forged')
    // A damaged or made-up badge is still a badge here: reception's scanner is the one that checks it (REC-6).
    const [prefix, visit, expiry, epoch] = badge.split('.')
    expect((await scanAtDesk(ctx, `${prefix}.${visit}.${expiry}.${epoch}.${'A'.repeat(86)}`)).decision).toEqual({ admit: false, reason: 'visitor-badge' })
    expect(await audited()).not.toContain('card.forged')
    expect((await loadDeskSnapshot(storage)).checkIns).toEqual([])
  })

  it('REC-4: the check-in verdict says so in both languages, with no override', async () => {
    const decision: CheckInDecision = { admit: false, reason: 'visitor-badge' }
    for (const [locale, words] of [
      ['en', 'visitor badge'],
      ['zh-CN', '访客证'],
    ] as const) {
      const app = createSSRApp({ render: () => h(CheckinVerdict, { decision, tierName: '', timeZone: 'Asia/Shanghai' }) })
      const messages = { en: { ...en, ...checkinMessages.en }, 'zh-CN': { ...zhCN, ...checkinMessages['zh-CN'] } }
      app.use(createI18n({ legacy: false, locale, messages }))
      const html = await renderToString(app)
      const message = /data-testid="verdict-message"[^>]*>([^<]*)</.exec(html)?.[1] ?? ''
      expect(message).toContain(words)
      expect(html).toContain('data-verdict="visitor-badge"')
      expect(html).not.toContain('override-open')
    }
  })
})
