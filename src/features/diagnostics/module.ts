import type { FeatureModule } from '@/features/module'
import { diagnosticsNavWords } from './diagnostics.nav'

/** What this device can do and holds: open to anyone, signed in or not, for support. */
export const diagnosticsModule: FeatureModule = {
  name: 'diagnostics',
  routes: [{ path: '/diagnostics', name: 'diagnostics', component: () => import('./DiagnosticsPage.vue'), titleKey: 'nav.diagnostics', public: true }],
  nav: { to: '/diagnostics', key: 'nav.diagnostics', order: 130 },
  shellWords: diagnosticsNavWords,
}
