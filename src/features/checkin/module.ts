import type { FeatureModule } from '@/features/module'

/** The front desk's check-in (MEM-3, MEM-8): the `desk` workspace. */
export const checkinModule: FeatureModule = {
  name: 'checkin',
  routes: [{ path: '/desk', name: 'desk', component: () => import('./CheckinPage.vue'), titleKey: 'nav.desk', permission: 'desk.use' }],
  nav: { to: '/desk', key: 'nav.desk', permission: 'desk.use', order: 30 },
  homeCard: { to: '/desk', titleKey: 'nav.desk', textKey: 'home.deskText', permission: 'desk.use', built: true, testId: 'desk', order: 10 },
  messages: () => import('./checkin.messages').then((m) => m.checkinMessages),
}
