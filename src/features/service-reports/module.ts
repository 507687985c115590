import type { FeatureModule } from '@/features/module'
import { serviceReportsNavWords } from './service-reports.nav'

/** SVC-5: the lead's daily counts and the weekly satisfaction report (leads and managers), read from the `field` realm. */
export const serviceReportsModule: FeatureModule = {
  name: 'service-reports',
  routes: [
    { path: '/service/reports', name: 'service-reports', component: () => import('./ServiceReportsPage.vue'), titleKey: 'serviceReports.title', permission: 'field.dispatch' },
  ],
  nav: { to: '/service/reports', key: 'nav.serviceReports', permission: 'field.dispatch', order: 48 },
  shellWords: serviceReportsNavWords,
  homeCard: { to: '/service/reports', titleKey: 'nav.serviceReports', textKey: 'home.serviceReportsText', permission: 'field.dispatch', testId: 'service-reports', order: 38 },
  messages: () => import('./service-reports.messages').then((m) => m.serviceReportsMessages),
}
