import type { FeatureModule } from '@/features/module'
import { homeNavWords } from './home.nav'
import HomePage from './HomePage.vue'

/** The signed-in start page (in the first load: it is where everyone lands), and the page for an unknown address. */
export const homeModule: FeatureModule = {
  name: 'home',
  routes: [
    { path: '/', name: 'home', component: HomePage, titleKey: 'nav.home' },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./NotFoundPage.vue'), titleKey: 'notFound.title', public: true },
  ],
  nav: { to: '/', key: 'nav.home', signedIn: true, order: 10 },
  shellWords: homeNavWords,
}
