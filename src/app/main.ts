import { createPinia } from 'pinia'
import { createApp } from 'vue'
import '@/ui/styles.css'
import { deviceStorageKey } from '@/identity/device-storage'
import { setSessionKeys, storage } from '@/storage/session-keys'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'

createApp(App).provide(deviceStorageKey, { storage, setSessionKeys }).use(createPinia()).use(router).use(i18n).mount('#app')
