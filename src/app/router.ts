import { createRouter, createWebHistory } from 'vue-router'
import type { Permission } from '@/core/access/permissions'
import type { FirstOpenHook, WordBundle } from '@/features/module'
import { useLobbyStorage } from '@/identity/device-storage'
import { useSessionStore } from '@/identity/session.store'
import { i18n } from './i18n'
import { loadRouteWords } from './lazy-messages'
import { landings, routes } from './routes'
import { accessGuard } from './access-guard'
import { firstOpenGuard } from './first-open'
import { landingGuard } from './landing'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title, shown in the tab and announced on navigation. */
    titleKey?: string
    /** Reachable without signing in (first run, sign-in, diagnostics). */
    public?: boolean
    /** CONF-3: the permission a signed-in user needs; checked here, not only by hiding links. */
    permission?: Permission
    /** The route's feature words, loaded before the route resolves (lazy-messages.ts). */
    messages?: () => Promise<WordBundle>
    /** The route's module's set-up on first open (first-open.ts), run before the route resolves. */
    firstOpen?: FirstOpenHook
  }
}

export const router = createRouter({ history: createWebHistory(), routes })

/** Document title follows the page, in the current language. */
export function pageTitle(titleKey: string | undefined): string {
  const app = i18n.global.t('app.name')
  return titleKey ? `${i18n.global.t(titleKey)} · ${app}` : app
}

router.beforeEach(accessGuard)
router.beforeEach(landingGuard(landings, () => useSessionStore()))
router.beforeResolve(loadRouteWords)
// Guards run in the app's context (vue-router's runWithContext), so the injected storage is reachable here.
router.beforeResolve(firstOpenGuard(() => ({ storage: useLobbyStorage(), session: useSessionStore() })))
router.afterEach((to) => {
  document.title = pageTitle(to.meta.titleKey)
})
