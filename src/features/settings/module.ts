import type { FeatureModule } from '@/features/module'

/** This user's and this device's settings (PIN, sync server, idle lock): any signed-in user. */
export const settingsModule: FeatureModule = {
  name: 'settings',
  routes: [{ path: '/settings', name: 'settings', component: () => import('./SettingsPage.vue'), titleKey: 'nav.settings' }],
  nav: { to: '/settings', key: 'nav.settings', signedIn: true, order: 120 },
  messages: () => import('./settings.messages').then((m) => m.settingsMessages),
}
