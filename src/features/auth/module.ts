import type { FeatureModule } from '@/features/module'

/** First run, sign-in, joining a device and the refusal page: reachable before anyone signs in. */
export const authModule: FeatureModule = {
  name: 'auth',
  routes: [
    { path: '/welcome', name: 'welcome', component: () => import('./CreateOrgPage.vue'), titleKey: 'auth.welcomeTitle', public: true },
    { path: '/sign-in', name: 'sign-in', component: () => import('./SignInPage.vue'), titleKey: 'auth.signInTitle', public: true },
    { path: '/join', name: 'join', component: () => import('./JoinPage.vue'), titleKey: 'join.title', public: true },
    { path: '/first-sign-in', name: 'first-sign-in', component: () => import('./FirstSignInPage.vue'), titleKey: 'auth.signInTitle', public: true },
    { path: '/forbidden', name: 'forbidden', component: () => import('./ForbiddenPage.vue'), titleKey: 'forbidden.title' },
  ],
}
