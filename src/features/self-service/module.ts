import type { FeatureModule } from '@/features/module'
import { selfServiceNavWords } from './self-service.nav'

/**
 * Issue 14 §4: the member's own screens on their phone (role `member`, permission `self.view`): their
 * membership and card, visits, broadband bills with disputes (BB-7), and notices with objections (BB-13).
 * They read only the views staff devices wrote into the member's database (`SelfViews`, provided by the app).
 */
export const selfServiceModule: FeatureModule = {
  name: 'self-service',
  routes: [
    { path: '/me', name: 'self-home', component: () => import('./SelfHomePage.vue'), titleKey: 'selfService.home.title', permission: 'self.view' },
    { path: '/me/card', name: 'self-card', component: () => import('./SelfCardPage.vue'), titleKey: 'selfService.card.title', permission: 'self.view' },
    { path: '/me/visits', name: 'self-visits', component: () => import('./SelfVisitsPage.vue'), titleKey: 'selfService.visits.title', permission: 'self.view' },
    { path: '/me/bills', name: 'self-bills', component: () => import('./SelfBillsPage.vue'), titleKey: 'selfService.bills.title', permission: 'self.view' },
    {
      path: '/me/bills/:accountId/:month',
      name: 'self-statement',
      component: () => import('./SelfStatementPage.vue'),
      titleKey: 'selfService.statement.title',
      permission: 'self.view',
      props: true,
    },
    { path: '/me/notices', name: 'self-notices', component: () => import('./SelfNoticesPage.vue'), titleKey: 'selfService.notices.title', permission: 'self.view' },
  ],
  nav: { to: '/me', key: 'nav.myAccount', permission: 'self.view', order: 12 },
  shellWords: selfServiceNavWords,
  homeCard: { to: '/me', titleKey: 'nav.myAccount', textKey: 'home.myAccountText', permission: 'self.view', testId: 'self-service', order: 5 },
  messages: () => import('./self-service.messages').then((m) => m.selfServiceMessages),
}
