import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { supportedLocales } from '@/core/shared/locale'
import { en } from '@/locales/en'
import { zhCN } from '@/locales/zh-CN'
import { manifest } from '@/platform/pwa-manifest'
import { shellWordsOf } from './compose-modules'

vi.stubGlobal('navigator', { onLine: true, languages: ['en'], language: 'en' })
vi.mock('virtual:pwa-register/vue', () => ({ useRegisterSW: () => ({}) }))
const { modules } = await import('./modules')

const shell = { en, 'zh-CN': zhCN }
const wordAt = (words: unknown, key: string): string => String(key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], words))

// Issue 10: "前台" named the app, the member check-in page and a role. Each now has its own word.
describe('the app, the member check-in page and the front-desk role have a word each', () => {
  for (const locale of supportedLocales) {
    it(`none of the three names is inside another (${locale})`, () => {
      const names = {
        app: wordAt(shell[locale], 'app.name'),
        page: wordAt(shellWordsOf(modules)[locale], 'nav.checkin'),
        role: wordAt(shell[locale], 'roles.frontdesk'),
      }
      for (const [a, one] of Object.entries(names))
        for (const [b, other] of Object.entries(names)) if (a !== b) expect(one.toLowerCase(), `${a} "${one}" holds ${b} "${other}"`).not.toContain(other.toLowerCase())
    })
  }

  it('the installed app is named as the app, not as the role', () => {
    expect(manifest.name).toContain(zhCN.app.name)
    expect(manifest.name).not.toContain(zhCN.roles.frontdesk)
  })
})
