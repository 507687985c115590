import type { FeatureRoute } from '@/features/module'

/** The account side of the desk (BB-1, BB-2, BB-3, BB-7, BB-10, statements): search, open, one account, its statement. */
export const broadbandAccountRoutes: readonly FeatureRoute[] = [
  { path: '/broadband', name: 'broadband', component: () => import('./BroadbandPage.vue'), titleKey: 'broadband.find.title', permission: 'broadband.use' },
  { path: '/broadband/open', name: 'broadband-open', component: () => import('./BroadbandOpenPage.vue'), titleKey: 'broadband.open.title', permission: 'broadband.use' },
  { path: '/broadband/accounts/:id', name: 'broadband-account', component: () => import('./BroadbandAccountPage.vue'), titleKey: 'broadband.account.title', permission: 'broadband.use', props: true },
  {
    path: '/broadband/accounts/:id/statement/:month',
    name: 'broadband-statement',
    component: () => import('./BroadbandStatementPage.vue'),
    titleKey: 'broadbandStatement.title',
    permission: 'broadband.use',
    props: true,
  },
]
