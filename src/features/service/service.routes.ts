import type { FeatureRoute } from '@/features/module'

/** SVC-1: taking a request, and one request's page (the router takes one permission: every role that dispatches also takes). */
export const serviceRequestRoutes: readonly FeatureRoute[] = [
  { path: '/service/new', name: 'service-new', component: () => import('./ServiceIntakePage.vue'), titleKey: 'service.intake.title', permission: 'service.take' },
  // `service.take` is held by the front desk, agents, leads and managers; `field.dispatch` (leads, managers) by no one
  // without it, so it admits everyone who may take or dispatch.
  { path: '/service/requests/:id', name: 'service-request', component: () => import('./ServiceRequestPage.vue'), titleKey: 'service.request.title', permission: 'service.take', props: true },
]

/** SVC-2: the dispatch queue and the day board, leads' and managers'. */
export const serviceDispatchRoutes: readonly FeatureRoute[] = [
  { path: '/service/queue', name: 'service-queue', component: () => import('./ServiceQueuePage.vue'), titleKey: 'service.queue.title', permission: 'field.dispatch' },
  { path: '/service/board', name: 'service-board', component: () => import('./ServiceBoardPage.vue'), titleKey: 'service.board.title', permission: 'field.dispatch' },
]
