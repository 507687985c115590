import type { FeatureModule } from '@/features/module'
import { peopleNavWords } from './people.nav'

/** The people directory (DIR-*). */
export const peopleModule: FeatureModule = {
  name: 'people',
  routes: [{ path: '/people', name: 'people', component: () => import('./PeoplePage.vue'), titleKey: 'nav.people', permission: 'desk.use' }],
  nav: { to: '/people', key: 'nav.people', permission: 'desk.use', order: 20 },
  shellWords: peopleNavWords,
}
