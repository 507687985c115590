import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { registerFeatureSteps } from '@/features/auth/feature-steps'
import { homeCardsKey } from '@/features/home/home-cards'
import '@/ui/styles.css'
import App from './App.vue'
import { featureStepsOf, homeCardsOf } from './compose-modules'
import { i18n } from './i18n'
import { modules } from './modules'
import { router } from './router'

// Founding and departures run what the features add to them, without identity importing a feature.
registerFeatureSteps(featureStepsOf(modules))
createApp(App).use(createPinia()).use(router).use(i18n).provide(homeCardsKey, homeCardsOf(modules)).mount('#app')
