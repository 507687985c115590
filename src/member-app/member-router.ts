import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { selfServiceModule } from '@/features/self-service/module'
import { useMemberSession } from './member-session.store'

/**
 * The member app's pages, under `/me/` with the route after `#`: the service worker serves `/me/` (precached) for
 * every page offline, and the one-time code in the desk's QR link stays on the phone (a fragment is never sent).
 */
export function createMemberRouter() {
  const routes: RouteRecordRaw[] = [
    { path: '/', redirect: '/me' },
    { path: '/sign-in', name: 'sign-in', component: () => import('./MemberSignInPage.vue'), meta: { public: true, titleKey: 'memberApp.signIn.title' } },
    { path: '/set-password', name: 'set-password', component: () => import('./MemberSetPasswordPage.vue'), meta: { public: true, titleKey: 'memberApp.setPassword.title' } },
    { path: '/password', name: 'change-password', component: () => import('./MemberPasswordPage.vue'), meta: { titleKey: 'memberApp.changePassword.title' } },
    ...selfServiceModule.routes.flatMap((r): RouteRecordRaw[] =>
      'component' in r ? [{ path: r.path, name: r.name, component: r.component!, props: r.props, meta: { titleKey: r.titleKey } }] : []),
    { path: '/:rest(.*)*', redirect: '/me' },
  ]
  const router = createRouter({ history: createWebHashHistory(), routes })
  router.beforeEach(async (to) => {
    const member = useMemberSession()
    // After a load nobody is signed in (keys live in memory): the sign-in page draws at once, and the name kept on
    // this phone fills in when the phone's database has opened.
    if (member.state === 'starting') void member.start()
    if (to.meta.public) return true
    // CONF-11: nothing of the account opens without the member's own keys.
    if (member.state !== 'signed-in') return { name: 'sign-in' }
    return true
  })
  return router
}
