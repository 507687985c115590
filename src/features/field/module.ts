import type { FeatureModule } from '@/features/module'
import { fieldAuditActions } from './field.audit'
import { fieldNavWords } from './field.nav'

/**
 * The technician's phone (SVC-3, issue 15 §4): today's jobs and each job's work, photos, signature and finish, in
 * the technician's own realm `tech:<id>`, offline for a day. A technician lands here (`landing`), not on the home page.
 */
export const fieldModule: FeatureModule = {
  name: 'field',
  routes: [
    { path: '/field', name: 'field', component: () => import('./FieldJobsPage.vue'), titleKey: 'field.jobs.title', permission: 'field.work' },
    { path: '/field/jobs/:id', name: 'field-job', component: () => import('./FieldJobPage.vue'), props: true, titleKey: 'field.job.title', permission: 'field.work' },
  ],
  nav: { to: '/field', key: 'nav.field', permission: 'field.work', order: 12 },
  landing: { to: '/field', permission: 'field.work' },
  shellWords: fieldNavWords,
  messages: () => import('./field-words').then((m) => m.fieldWords),
  auditActions: fieldAuditActions,
}
