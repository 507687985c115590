import type { FeatureModule } from '@/features/module'
import { broadbandAccountRoutes } from './broadband-account.routes'
import { broadbandAuditActions } from './broadband.audit'
import { broadbandNavWords } from './broadband.nav'
import { broadbandOpsRoutes } from './broadband-ops.routes'

/** The broadband counter (BB-1 … BB-13), in the `accounts` realm: agents, leads and managers; never the front desk. */
export const broadbandModule: FeatureModule = {
  name: 'broadband',
  routes: [...broadbandAccountRoutes, ...broadbandOpsRoutes],
  nav: { to: '/broadband', key: 'nav.broadband', permission: 'broadband.use', order: 40 },
  shellWords: broadbandNavWords,
  homeCard: { to: '/broadband', titleKey: 'nav.broadband', textKey: 'home.broadbandText', permission: 'broadband.use', testId: 'broadband', order: 30 },
  messages: () => import('./broadband-words').then((m) => m.broadbandWords),
  auditActions: broadbandAuditActions,
}
