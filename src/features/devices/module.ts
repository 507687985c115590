import type { FeatureModule } from '@/features/module'

/** The organisation's devices. */
export const devicesModule: FeatureModule = {
  name: 'devices',
  routes: [{ path: '/devices', name: 'devices', component: () => import('./DevicesPage.vue'), titleKey: 'nav.devices', permission: 'devices.manage' }],
  nav: { to: '/devices', key: 'nav.devices', permission: 'devices.manage', order: 110 },
}
