import type { FeatureModule } from '@/features/module'
import { auditNavWords } from './audit.nav'

/** The audit log's review screen. */
export const auditModule: FeatureModule = {
  name: 'audit',
  routes: [{ path: '/audit', name: 'audit', component: () => import('./AuditPage.vue'), titleKey: 'nav.audit', permission: 'audit.review' }],
  nav: { to: '/audit', key: 'nav.audit', permission: 'audit.review', order: 100 },
  shellWords: auditNavWords,
}
