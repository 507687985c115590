import type { FeatureModule } from '@/features/module'
import { membershipSettingsNavWords } from './membership-settings.nav'

/** The manager's membership settings (MEM-1, MEM-2). */
export const membershipSettingsModule: FeatureModule = {
  name: 'membership-settings',
  routes: [
    {
      path: '/manage/membership',
      name: 'membership-settings',
      component: () => import('./MembershipSettingsPage.vue'),
      titleKey: 'nav.membershipSettings',
      permission: 'settings.manage',
    },
  ],
  nav: { to: '/manage/membership', key: 'nav.membershipSettings', permission: 'settings.manage', order: 80 },
  shellWords: membershipSettingsNavWords,
  messages: () => import('./membership-settings.messages').then((m) => m.membershipSettingsMessages),
}
