import type { RouteRecordRaw } from 'vue-router'
import HomePage from '@/features/home/HomePage.vue'

/** Workspaces that later issues fill in; until then each shows what it will hold. */
export const workspaceRoutes = ['desk', 'members', 'broadband', 'field', 'manage'] as const
export type Workspace = (typeof workspaceRoutes)[number]

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage, meta: { titleKey: 'nav.home' } },
  ...workspaceRoutes.map(
    (w): RouteRecordRaw => ({
      path: `/${w}`,
      name: w,
      component: () => import('@/features/workspaces/WorkspacePlaceholderPage.vue'),
      props: { workspace: w },
      meta: { titleKey: `nav.${w}` },
    }),
  ),
  {
    path: '/diagnostics',
    name: 'diagnostics',
    component: () => import('@/features/diagnostics/DiagnosticsPage.vue'),
    meta: { titleKey: 'nav.diagnostics' },
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('@/features/settings/SettingsPage.vue'),
    meta: { titleKey: 'nav.settings' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/features/home/NotFoundPage.vue'),
    meta: { titleKey: 'notFound.title' },
  },
]
