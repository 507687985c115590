import type { FeatureModule } from '@/features/module'
import { settingsNavWords } from './settings.nav'

/** This user's and this device's settings (PIN, sync server, idle lock): any signed-in user. */
export const settingsModule: FeatureModule = {
  name: 'settings',
  routes: [{ path: '/settings', name: 'settings', component: () => import('./SettingsPage.vue'), titleKey: 'nav.settings' }],
  nav: { to: '/settings', key: 'nav.settings', signedIn: true, order: 120 },
  shellWords: settingsNavWords,
  messages: () => import('./settings.messages').then((m) => m.settingsMessages),
}
