import { createRouter, createWebHistory } from 'vue-router'
import { i18n } from './i18n'
import { routes } from './routes'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title, shown in the tab and announced on navigation. */
    titleKey?: string
  }
}

export const router = createRouter({ history: createWebHistory(), routes })

/** Document title follows the page, in the current language. */
export function pageTitle(titleKey: string | undefined): string {
  const app = i18n.global.t('app.name')
  return titleKey ? `${i18n.global.t(titleKey)} · ${app}` : app
}

router.afterEach((to) => {
  document.title = pageTitle(to.meta.titleKey)
})
