import type { FeatureModule } from '@/features/module'
import { serviceAuditActions } from './service.audit'
import { serviceNavWords } from './service.nav'
import { serviceDispatchRoutes, serviceRequestRoutes } from './service.routes'

const messages = () => import('./service-words').then((m) => m.serviceWords)

/** The service office (SVC-1 … SVC-3, BB-3, issue 15 §6): requests taken by the front desk, agents, leads and managers. */
export const serviceModule: FeatureModule = {
  name: 'service',
  routes: serviceRequestRoutes,
  nav: { to: '/service/new', key: 'nav.serviceRequests', permission: 'service.take', order: 45 },
  shellWords: serviceNavWords,
  homeCard: { to: '/service/new', titleKey: 'nav.serviceRequests', textKey: 'home.serviceRequestsText', permission: 'service.take', testId: 'service-requests', order: 35 },
  messages,
  auditActions: serviceAuditActions,
  // SVC-3: a lead's or manager's device takes the jobs technicians finished in after every round.
  afterSyncRound: {
    name: 'service.take-in',
    permission: 'field.dispatch',
    run: async ({ storage, session }) => void (await (await import('./take-in-run')).takeInOnThisDevice(storage, session)),
  },
}

/** SVC-2: the dispatch queue and the day board (leads and managers), its own nav entry and card. */
export const serviceDispatchModule: FeatureModule = {
  name: 'service-dispatch',
  routes: serviceDispatchRoutes,
  nav: { to: '/service/queue', key: 'nav.serviceDispatch', permission: 'field.dispatch', order: 46 },
  shellWords: serviceNavWords,
  homeCard: { to: '/service/queue', titleKey: 'nav.serviceDispatch', textKey: 'home.serviceDispatchText', permission: 'field.dispatch', testId: 'service-dispatch', order: 36 },
  messages,
}

/** The service folder's modules, one line in app/modules.ts. */
export const serviceModules: readonly FeatureModule[] = [serviceModule, serviceDispatchModule]
