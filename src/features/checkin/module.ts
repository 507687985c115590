import { deskFirstOpen } from '@/features/members/desk-first-open'
import type { FeatureModule } from '@/features/module'
import { checkinNavWords } from './checkin.nav'

/** Member check-in (MEM-3, MEM-8): one of the front desk's pages (reception is another), not "the desk" itself. */
export const checkinModule: FeatureModule = {
  name: 'checkin',
  routes: [
    { path: '/checkin', name: 'checkin', component: () => import('./CheckinPage.vue'), titleKey: 'nav.checkin', permission: 'desk.use' },
    // Installed tablets may have the address it had before it was named for what it does.
    { path: '/desk', redirect: '/checkin' },
  ],
  nav: { to: '/checkin', key: 'nav.checkin', permission: 'desk.use', order: 30 },
  shellWords: checkinNavWords,
  homeCard: { to: '/checkin', titleKey: 'nav.checkin', textKey: 'home.checkinText', permission: 'desk.use', testId: 'checkin', order: 10 },
  messages: () => import('./checkin.messages').then((m) => m.checkinMessages),
  // The check-in page reads the membership desk: the desk's set-up, shared (one flag, whichever page opens first).
  onFirstOpen: deskFirstOpen,
}
