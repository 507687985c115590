import type { FeatureModule } from '@/features/module'
import { organisationSettingsNavWords } from './organisation-settings.nav'

/** The organisation's settings every staff role reads (issue 9 §4): names, time zone, building hours, idle lock, CONF-8 agreement. */
export const organisationSettingsModule: FeatureModule = {
  name: 'organisation-settings',
  routes: [
    {
      path: '/manage/organisation',
      name: 'organisation-settings',
      component: () => import('./OrganisationSettingsPage.vue'),
      titleKey: 'nav.organisationSettings',
      permission: 'organisation.manage',
    },
    // Every signed-in colleague reads them (no permission: signed in is enough); linked from their Settings page.
    { path: '/organisation', name: 'organisation-about', component: () => import('./OrganisationAboutPage.vue'), titleKey: 'nav.organisation' },
  ],
  nav: { to: '/manage/organisation', key: 'nav.organisationSettings', permission: 'organisation.manage', order: 85 },
  shellWords: organisationSettingsNavWords,
  messages: () => import('./organisation-settings.messages').then((m) => m.organisationSettingsMessages),
}
