import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { can, type Permission } from '@/core/access/permissions'
import { supportedLocales } from '@/core/shared/locale'
import { en } from '@/locales/en'
import { zhCN } from '@/locales/zh-CN'
import type { FeatureModule } from '@/features/module'
import { afterSyncHooksOf, featureStepsOf, homeCardsOf, landingsOf, navOf, routesOf, shellWordsOf } from './compose-modules'

// The home page is in the first load (imported, not lazy), and what it imports reads the browser at load.
vi.stubGlobal('navigator', { onLine: true, languages: ['en'], language: 'en' })
vi.mock('virtual:pwa-register/vue', () => ({ useRegisterSW: () => ({}) }))
const { modules } = await import('./modules')

// Issue 9: nav, home cards, routes and hooks are stated once, in each feature's module.ts, and composed here.
const shell = { en, 'zh-CN': zhCN } as Record<string, unknown>
const lookup = (words: unknown, key: string): unknown => key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], words)

describe('the app composed from the feature modules', () => {
  it('every route title is a word in both languages, from the shell or the route’s own module words', async () => {
    for (const m of modules) {
      const own = (await m.messages?.()) as Record<string, unknown> | undefined
      for (const r of m.routes) {
        if ('redirect' in r) continue
        for (const locale of supportedLocales) {
          const word = lookup(own?.[locale], r.titleKey) ?? lookup(m.shellWords?.[locale], r.titleKey) ?? lookup(shell[locale], r.titleKey)
          expect(typeof word, `${m.name} ${r.path} ${locale}`).toBe('string')
        }
      }
    }
  })

  it('keeps one route per name and path, and carries each route’s words loader, permission and title', () => {
    const routes = routesOf(modules)
    const named = routes.filter((r) => r.name !== undefined)
    expect(new Set(named.map((r) => r.name)).size).toBe(named.length)
    expect(new Set(routes.map((r) => r.path)).size).toBe(routes.length)
    const enrol = routes.find((r) => r.path === '/members/enrol')
    expect(enrol?.meta).toMatchObject({ titleKey: 'members.enrol.title', permission: 'desk.use' })
    expect(typeof enrol?.meta?.messages).toBe('function')
  })

  it('issue 9 §4: an admin and a manager find and open the organisation settings; the front desk does not', () => {
    const route = routesOf(modules).find((r) => r.path === '/manage/organisation')
    const entry = navOf(modules).find((n) => n.to === '/manage/organisation')
    for (const role of ['admin', 'manager', 'frontdesk', 'lead'] as const) {
      const allowed = role === 'admin' || role === 'manager'
      expect(can(role, route?.meta?.permission as Permission), `route, ${role}`).toBe(allowed)
      expect(can(role, entry!.permission!), `nav, ${role}`).toBe(allowed)
    }
  })

  it('names the member check-in page for what it does, and keeps its old address as a redirect', () => {
    const routes = routesOf(modules)
    expect(routes.find((r) => r.path === '/checkin')?.meta).toMatchObject({ titleKey: 'nav.checkin', permission: 'desk.use' })
    expect(routes.find((r) => r.path === '/desk')).toEqual({ path: '/desk', redirect: '/checkin' })
  })

  it('lists the nav entries and home cards in their stated order', () => {
    expect(navOf(modules).map((n) => n.to)).toEqual([
      '/',
      '/field',
      '/notices',
      '/people',
      '/checkin',
      '/reception',
      '/members',
      '/broadband',
      '/service/new',
      '/service/queue',
      '/service/return-visits',
      '/service/reports',
      '/manage/membership',
      '/manage/organisation',
      '/staff',
      '/reception/my-incidents',
      '/audit',
      '/devices',
      '/settings',
      '/diagnostics',
    ])
    expect(homeCardsOf(modules).map((c) => c.testId)).toEqual(['checkin', 'reception', 'members', 'broadband', 'service-requests', 'service-dispatch', 'return-visits', 'service-reports'])
    // Issue 15 §4: a technician starts on their jobs, no one else on anything but the home page.
    expect(landingsOf(modules)).toEqual([{ to: '/field', permission: 'field.work' }])
  })

  it('issue 15: the service office takes finished jobs in after each sync round, on the devices of those who dispatch', () => {
    expect(afterSyncHooksOf(modules).map((h) => [h.name, h.permission])).toEqual([['service.take-in', 'field.dispatch']])
  })

  it('MEM-8: the membership desk contributes its founding step and the card-key departure step, after realm:desk', () => {
    const steps = featureStepsOf(modules)
    // The membership desk's (MEM-1/2 defaults, MEM-8 card key) and reception's (REC-2 settings).
    expect(steps.founding).toHaveLength(2)
    expect(steps.departure.map((s) => [s.name, s.after])).toEqual([['card-key', ['realm:desk']]])
    expect(steps.departure[0]!.neededFor('frontdesk')).toBe(true)
    expect(steps.departure[0]!.neededFor('technician')).toBe(false)
  })
})

// Issue 9 §1: a desk's nav label and home card are stated in its own folder; the shell shows them before any feature loads.
describe('each module’s nav and home-card words', () => {
  const shownByShell = (m: FeatureModule) => [m.nav?.key, m.homeCard?.titleKey, m.homeCard?.textKey].filter((k): k is string => k !== undefined)

  it('every module’s nav label and home card title and text are in its own words, in both languages', () => {
    for (const m of modules) {
      for (const key of shownByShell(m)) {
        for (const locale of supportedLocales) expect(typeof lookup(m.shellWords?.[locale], key), `${m.name} ${key} ${locale}`).toBe('string')
      }
    }
  })

  it('refuses to compose a module with a nav entry or home card but no words for it, in either language', () => {
    const bare: FeatureModule = { name: 'bare', routes: [], nav: { to: '/bare', key: 'nav.bare', order: 1 } }
    expect(() => shellWordsOf([bare])).toThrow(/bare.*nav\.bare/)
    const halfSaid: FeatureModule = {
      ...bare,
      nav: undefined,
      homeCard: { to: '/bare', titleKey: 'nav.bare', textKey: 'home.bareText', permission: 'desk.use', testId: 'bare', order: 1 },
      shellWords: { en: { nav: { bare: 'Bare' }, home: { bareText: 'Nothing' } }, 'zh-CN': { nav: { bare: '空' } } },
    }
    expect(() => shellWordsOf([halfSaid])).toThrow(/bare.*zh-CN.*home\.bareText/)
  })

  it('composes them into one bundle per language, with the words the pages and E2E tests know', () => {
    const words = shellWordsOf(modules)
    expect(lookup(words.en, 'nav.checkin')).toBe('Member check-in')
    expect(lookup(words['zh-CN'], 'nav.checkin')).toBe('会员签到')
    expect(lookup(words.en, 'nav.members')).toBe('Membership')
    expect(lookup(words.en, 'home.membersText')).toBe('Tiers, fees, cards and opening hours.')
    expect(lookup(words['zh-CN'], 'nav.organisationSettings')).toBe('机构设置')
    for (const m of modules) for (const key of shownByShell(m)) for (const locale of supportedLocales) expect(typeof lookup(words[locale], key)).toBe('string')
  })

  it('leaves none of them in the shell’s locale files', () => {
    const moved = modules.flatMap(shownByShell)
    expect(moved.length).toBeGreaterThan(10)
    for (const key of moved) for (const locale of supportedLocales) expect(lookup(shell[locale], key), `${key} ${locale}`).toBeUndefined()
  })
})
