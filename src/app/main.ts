import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { registerFeatureSteps } from '@/identity/feature-steps'
import { featureAuditActionsKey } from '@/features/audit/feature-actions'
import { homeCardsKey } from '@/features/home/home-cards'
import { usePersonNameStore } from '@/features/home/person-name.store'
import { useOrganisationStore } from '@/features/organisation-settings/organisation.store'
import { useNoticesStore } from '@/features/notices/notices.store'
import { useSyncStore } from '@/features/sync/sync.store'
import '@/ui/styles.css'
import { deviceStorageKey } from '@/identity/device-storage'
import { setSessionKeys, storage } from '@/storage/session-keys'
import App from './App.vue'
import { followSyncRounds } from './after-sync'
import { afterSyncHooksOf, auditActionWordsOf, featureStepsOf, homeCardsOf, shellWordsOf } from './compose-modules'
import { i18n } from './i18n'
import { provideMessages } from './lazy-messages'
import { modules } from './modules'
import { router } from './router'

// Founding and departures run what the features add to them, without identity importing a feature.
registerFeatureSteps(featureStepsOf(modules))
// The features' nav labels and home cards, before the router's first navigation: the shell shows them at once.
provideMessages(shellWordsOf(modules))
const app = createApp(App)
  .provide(deviceStorageKey, { storage, setSessionKeys })
  .use(createPinia())
  .use(router)
  .use(i18n)
  .provide(homeCardsKey, homeCardsOf(modules))
  .provide(featureAuditActionsKey, auditActionWordsOf(modules))
// Stores that watch the session are made here, outside any component: a store's watcher made during a component's
// setup keeps that component reachable for good (Vue records it for error handling), and with it, once a lock has
// unmounted the shell, the page it showed and what was typed there (CONF-7: test/e2e/lock.e2e.ts found a phone).
app.runWithContext(() => {
  useSyncStore()
  usePersonNameStore()
  useOrganisationStore()
  useNoticesStore()
  // Work the features do after each sync round (the service office takes finished jobs in).
  followSyncRounds(afterSyncHooksOf(modules))
})
app.mount('#app')
