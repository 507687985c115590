import type { FeatureRoute } from '@/features/module'

/** The desk's runs across accounts (bill run, dunning worklist, outages, notices, duplicates). */
export const broadbandOpsRoutes: readonly FeatureRoute[] = [
  { path: '/broadband/bill-run', name: 'broadband-bill-run', component: () => import('./BroadbandBillRunPage.vue'), titleKey: 'broadbandOps.billRun.title', permission: 'broadband.use' },
  { path: '/broadband/worklist', name: 'broadband-worklist', component: () => import('./BroadbandWorklistPage.vue'), titleKey: 'broadbandOps.worklist.title', permission: 'broadband.use' },
  { path: '/broadband/outages', name: 'broadband-outages', component: () => import('./BroadbandOutagesPage.vue'), titleKey: 'broadbandOps.outages.title', permission: 'broadband.use' },
  { path: '/broadband/notices', name: 'broadband-notices', component: () => import('./BroadbandNoticesPage.vue'), titleKey: 'broadbandOps.notices.title', permission: 'broadband.use' },
  // Which of a month's two charges counts is a manager's decision (the `bb-duplicate-review` writers in access-policy.js).
  { path: '/broadband/duplicates', name: 'broadband-duplicates', component: () => import('./BroadbandDuplicatesPage.vue'), titleKey: 'broadbandOps.duplicates.title', permission: 'settings.manage' },
]
