import type { FeatureModule } from '@/features/module'
import { receptionIncidentsModule } from './incidents.module'
import { receptionAuditActions } from './reception.audit'
import { receptionFirstOpen } from './reception-first-open'
import { receptionNavWords } from './reception.nav'

/** The reception desk (REC-1, REC-2, REC-6): registering visitors, who is in the building, expected visitors. */
export const receptionModule: FeatureModule = {
  name: 'reception',
  routes: [
    { path: '/reception', name: 'reception', component: () => import('./ReceptionRegisterPage.vue'), titleKey: 'reception.register.title', permission: 'reception.desk' },
    { path: '/reception/in-building', name: 'reception-in-building', component: () => import('./ReceptionInBuildingPage.vue'), titleKey: 'reception.inBuilding.title', permission: 'reception.desk' },
    { path: '/reception/settings', name: 'reception-settings', component: () => import('./ReceptionSettingsPage.vue'), titleKey: 'receptionSettings.title', permission: 'settings.manage' },
    { path: '/reception/expected', name: 'reception-expected', component: () => import('./ReceptionExpectedPage.vue'), titleKey: 'reception.expected.title', permission: 'reception.desk' },
  ],
  nav: { to: '/reception', key: 'nav.reception', permission: 'reception.desk', order: 35 },
  shellWords: receptionNavWords,
  homeCard: { to: '/reception', titleKey: 'nav.reception', textKey: 'home.receptionText', permission: 'reception.desk', testId: 'reception', order: 15 },
  // The badge's words and the shared scan field's (the check-out by badge reuses the check-in's scan input) ride along.
  messages: () => import('./reception-words').then((m) => m.receptionWords),
  auditActions: receptionAuditActions,
  // REC-2, REC-3, REC-7: the settings exist from the first day; an organisation founded before gets them at a manager's first open.
  onFounded: async ({ storage }) => (await import('./reception-setup')).ensureReceptionSettings(storage.recordContext),
  onFirstOpen: receptionFirstOpen,
}

/** The reception folder's modules, one line in app/modules.ts: the desk, and incidents (REC-7), which every staff member opens. */
export const receptionModules: readonly FeatureModule[] = [receptionModule, receptionIncidentsModule]
