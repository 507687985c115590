import { describe, expect, it } from 'vitest'
import { selfServiceModule } from './module'
import { selfServiceMessages } from './self-service.messages'
import { selfServiceNavWords } from './self-service.nav'

const wordAt = (messages: object, key: string): unknown => key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], messages)

describe('the member’s screens as a module', () => {
  it('asks self.view on every route, and titles each in both languages', () => {
    for (const route of selfServiceModule.routes) {
      expect('permission' in route && route.permission, route.path).toBe('self.view')
      const titleKey = 'titleKey' in route ? route.titleKey : ''
      for (const lang of ['en', 'zh-CN'] as const) expect(typeof wordAt(selfServiceMessages[lang], titleKey), `${lang} ${titleKey}`).toBe('string')
    }
    expect(selfServiceModule.routes.map((r) => r.path)).toEqual(['/me', '/me/card', '/me/visits', '/me/bills', '/me/bills/:accountId/:month', '/me/notices'])
  })

  it('names its nav entry and home card with its own shell words, shown to members only', () => {
    const { nav, homeCard } = selfServiceModule
    expect(nav?.permission).toBe('self.view')
    expect(homeCard?.permission).toBe('self.view')
    for (const lang of ['en', 'zh-CN'] as const) {
      for (const key of [nav!.key, homeCard!.titleKey, homeCard!.textKey]) expect(typeof wordAt(selfServiceNavWords[lang], key), `${lang} ${key}`).toBe('string')
    }
  })

  it('loads its words with its routes', async () => {
    expect(await selfServiceModule.messages!()).toBe(selfServiceMessages)
  })
})
