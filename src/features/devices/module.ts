import type { FeatureModule } from '@/features/module'
import { devicesNavWords } from './devices.nav'

/** The organisation's devices. */
export const devicesModule: FeatureModule = {
  name: 'devices',
  routes: [{ path: '/devices', name: 'devices', component: () => import('./DevicesPage.vue'), titleKey: 'nav.devices', permission: 'devices.manage' }],
  nav: { to: '/devices', key: 'nav.devices', permission: 'devices.manage', order: 110 },
  shellWords: devicesNavWords,
}
