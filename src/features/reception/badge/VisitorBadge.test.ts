import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createI18n } from 'vue-i18n'
import { parse } from '@vue/compiler-sfc'
import { en } from '@/locales/en'
import { zhCN } from '@/locales/zh-CN'
import { badgeMessages } from './badge.messages'
import VisitorBadge from './VisitorBadge.vue'

const tz = 'Asia/Shanghai'
// Monday 7 December 2026, 10:00 in Shanghai; the badge is good until 18:00 that day.
const visitedAt = Date.UTC(2026, 11, 7, 2, 0)
const expiresAt = Date.UTC(2026, 11, 7, 10, 0)
const props = { text: 'LBV1.visit:abc.1796637600000.1.' + 'A'.repeat(86), visitorName: 'Zoë 欧阳', hostName: '王芳', organisationName: '星光会所', visitedAt, expiresAt, timeZone: tz }

async function render(locale: 'en' | 'zh-CN', change: Record<string, unknown> = {}): Promise<string> {
  const app = createSSRApp({ render: () => h(VisitorBadge, { ...props, ...change }) })
  const messages = { en: { ...en, ...badgeMessages.en }, 'zh-CN': { ...zhCN, ...badgeMessages['zh-CN'] } }
  app.use(createI18n({ legacy: false, locale, messages }))
  return renderToString(app)
}
const textOf = (html: string, testid: string) => new RegExp(`data-testid="${testid}"[^>]*>([^<]*)<`).exec(html)?.[1]

describe('REC-4 the printed visitor badge', () => {
  it('REC-4: shows the name as the visitor gave it, the host, the day, the expiry time, the organisation and the QR, in both languages', async () => {
    for (const [locale, date, words] of [
      ['en', 'Dec 7, 2026', ['Visitor', 'Visiting', 'Valid until']],
      ['zh-CN', '2026年12月7日', ['访客', '被访人', '有效期至']],
    ] as const) {
      const html = await render(locale)
      expect(textOf(html, 'badge-name')).toBe('Zoë 欧阳')
      expect(textOf(html, 'badge-host')).toBe('王芳')
      expect(textOf(html, 'badge-org')).toBe('星光会所')
      expect(textOf(html, 'badge-date')).toBe(date)
      expect(textOf(html, 'badge-until')).toBe('18:00')
      expect(html).toContain(`data-qr="${props.text}"`)
      expect(html).toContain('data-testid="visitor-badge-qr"')
      for (const word of words) expect(html).toContain(word)
      expect(html).not.toContain('visitorBadge.')
    }
  })

  it('REC-4: a badge good past its day says the day it ends; the print size is the label unless A6 is asked for', async () => {
    const html = await render('en', { expiresAt: expiresAt + 86_400_000 })
    expect(textOf(html, 'badge-until')).toBe('Dec 8, 2026, 18:00')
    expect(html).toContain('data-print-size="label"')
    expect(await render('en', { printSize: 'a6' })).toContain('data-print-size="a6"')
  })

  it('REC-4: without a signed text there is nothing to print; with no card key the desk is told why', async () => {
    const waiting = await render('en', { text: undefined })
    expect(waiting).not.toContain('data-testid="visitor-badge-qr"')
    expect(/<button[^>]*data-testid="badge-print"[^>]*disabled/.test(waiting) || /<button[^>]*disabled[^>]*data-testid="badge-print"/.test(waiting)).toBe(true)
    const missing = await render('zh-CN', { text: undefined, missingKey: true })
    expect(textOf(missing, 'badge-key-missing')).toBe(badgeMessages['zh-CN'].visitorBadge.noKey)
    expect(missing).not.toContain('data-testid="visitor-badge"')
  })

  it('REC-4: prints alone on a 62 × 100 mm label or an A6 page, each a named page so no other print of the app changes', () => {
    const sfc = parse(readFileSync(new URL('./VisitorBadge.vue', import.meta.url), 'utf8')).descriptor
    const printCss = sfc.styles.filter((s) => !s.scoped).map((s) => s.content).join('\n').replace(/\s+/g, ' ')
    expect(printCss).toMatch(/@page visitor-badge-label \{ size: 62mm 100mm;/)
    expect(printCss).toMatch(/@page visitor-badge-a6 \{ size: 105mm 148mm;/)
    expect(printCss).not.toMatch(/@page \{/)
    expect(printCss).toMatch(/\.visitor-badge\[data-print-size='label'\] \{ page: visitor-badge-label;/)
    expect(printCss).toMatch(/\.visitor-badge\[data-print-size='a6'\] \{ page: visitor-badge-a6;/)
    expect(printCss).toMatch(/@media print \{ body:has\(\.visitor-badge\) :not\(:has\(\.visitor-badge\)\):not\(\.visitor-badge\):not\(\.visitor-badge \*\) \{ display: none !important;/)
  })
})
