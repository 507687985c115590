import { createRouter, createWebHistory } from 'vue-router'
import type { Permission } from '@/core/access/permissions'
import type { WordBundle } from '@/features/module'
import { i18n } from './i18n'
import { loadRouteWords } from './lazy-messages'
import { routes } from './routes'
import { accessGuard } from './access-guard'

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
  }
}

export const router = createRouter({ history: createWebHistory(), routes })

/** Document title follows the page, in the current language. */
export function pageTitle(titleKey: string | undefined): string {
  const app = i18n.global.t('app.name')
  return titleKey ? `${i18n.global.t(titleKey)} · ${app}` : app
}

router.beforeEach(accessGuard)
router.beforeResolve(loadRouteWords)
router.afterEach((to) => {
  document.title = pageTitle(to.meta.titleKey)
})
