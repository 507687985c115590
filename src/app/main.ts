import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { registerFeatureSteps } from '@/identity/feature-steps'
import { homeCardsKey } from '@/features/home/home-cards'
import '@/ui/styles.css'
import { deviceStorageKey } from '@/identity/device-storage'
import { setSessionKeys, storage } from '@/storage/session-keys'
import App from './App.vue'
import { featureStepsOf, homeCardsOf, shellWordsOf } from './compose-modules'
import { i18n } from './i18n'
import { provideMessages } from './lazy-messages'
import { modules } from './modules'
import { router } from './router'

// Founding and departures run what the features add to them, without identity importing a feature.
registerFeatureSteps(featureStepsOf(modules))
// The features' nav labels and home cards, before the router's first navigation: the shell shows them at once.
provideMessages(shellWordsOf(modules))
createApp(App)
  .provide(deviceStorageKey, { storage, setSessionKeys })
  .use(createPinia())
  .use(router)
  .use(i18n)
  .provide(homeCardsKey, homeCardsOf(modules))
  .mount('#app')
