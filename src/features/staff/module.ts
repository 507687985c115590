import type { FeatureModule } from '@/features/module'
import { staffNavWords } from './staff.nav'

/** Staff accounts: creation, roles, departures (CONF-9). */
export const staffModule: FeatureModule = {
  name: 'staff',
  routes: [{ path: '/staff', name: 'staff', component: () => import('./StaffPage.vue'), titleKey: 'nav.staff', permission: 'staff.manage' }],
  nav: { to: '/staff', key: 'nav.staff', permission: 'staff.manage', order: 90 },
  shellWords: staffNavWords,
  // REC-1: the department's words (the rest of the staff screen's are in src/locales).
  messages: () => import('./staff.messages').then((m) => m.staffMessages),
}
