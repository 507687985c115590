import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { supportedLocales } from '@/core/shared/locale'
import { homeCardsOf, routesOf, shellWordsOf } from './compose-modules'

// The home page is in the first load (imported, not lazy), and what it imports reads the browser at load.
vi.stubGlobal('navigator', { onLine: true, languages: ['en'], language: 'en' })
vi.mock('virtual:pwa-register/vue', () => ({ useRegisterSW: () => ({}) }))
const { modules } = await import('./modules')

const wordAt = (words: unknown, key: string): unknown => key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], words)

/** Routes whose page is a real desk: a workspace still to come is served by the placeholder page (`props.workspace`). */
function realPages(): Set<string> {
  return new Set(routesOf(modules).filter((r) => !('redirect' in r && r.redirect) && !(r.props && typeof r.props === 'object' && 'workspace' in r.props)).map((r) => r.path))
}

describe('issue 10: home cards say what is there today', () => {
  it('shows no card for a desk that does not exist yet (field work, management); broadband has its desk', () => {
    const pages = realPages()
    expect(homeCardsOf(modules).filter((c) => !pages.has(c.to)).map((c) => c.to)).toEqual([])
    expect(homeCardsOf(modules).map((c) => c.to)).toEqual(['/checkin', '/reception', '/members', '/broadband', '/service/new', '/service/queue', '/service/return-visits', '/service/reports'])
  })

  it('no card text promises what is to come ("arrives with staff sign-in", visitor badges), in either language', () => {
    const words = shellWordsOf(modules)
    for (const locale of supportedLocales) {
      for (const c of homeCardsOf(modules)) {
        const text = `${String(wordAt(words[locale], c.titleKey))} ${String(wordAt(words[locale], c.textKey))}`
        expect(text, `${c.to} ${locale}`).not.toMatch(/badge|sign-in|arrives|coming|胸卡|访客证|上线后|即将|开放后/i)
      }
    }
  })
})
