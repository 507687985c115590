import type { FeatureModule } from '@/features/module'
import { returnVisitsAuditActions } from './return-visits.audit'
import { returnVisitsNavWords } from './return-visits.nav'

/** SVC-4: return visits within 72 hours of a finished job (agents, leads, managers), in the `field` realm. */
export const returnVisitsModule: FeatureModule = {
  name: 'return-visits',
  routes: [
    { path: '/service/return-visits', name: 'return-visits', component: () => import('./ReturnVisitsPage.vue'), titleKey: 'returnVisits.title', permission: 'service.followup' },
  ],
  nav: { to: '/service/return-visits', key: 'nav.returnVisits', permission: 'service.followup', order: 47 },
  shellWords: returnVisitsNavWords,
  homeCard: { to: '/service/return-visits', titleKey: 'nav.returnVisits', textKey: 'home.returnVisitsText', permission: 'service.followup', testId: 'return-visits', order: 37 },
  messages: () => import('./return-visits.messages').then((m) => m.returnVisitsMessages),
  auditActions: returnVisitsAuditActions,
}
