import type { FeatureModule } from '@/features/module'
import { noticesNavWords } from './notices.nav'

/** REC-3: a staff member's notices (a visitor waiting for their host), for every signed-in role. */
export const noticesModule: FeatureModule = {
  name: 'notices',
  routes: [{ path: '/notices', name: 'notices', component: () => import('./NoticesPage.vue'), titleKey: 'nav.notices' }],
  nav: { to: '/notices', key: 'nav.notices', signedIn: true, order: 15 },
  shellWords: noticesNavWords,
  messages: () => import('./notices.messages').then((m) => m.noticesMessages),
}
