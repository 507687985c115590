import { createI18n } from 'vue-i18n'
import { isLocale, pickLocale, type Locale } from '@/core/shared/locale'
import { en, type Messages } from '@/locales/en'
import { zhCN } from '@/locales/zh-CN'
import { readPreference, writePreference } from '@/platform/preferences'

const messages: Record<Locale, Messages> = { 'zh-CN': zhCN, en }

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: pickLocale(readPreference('locale'), navigator.languages ?? [navigator.language]),
  fallbackLocale: 'en',
  messages,
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
})

/** Switch the UI language, remember it on this device and tell assistive tech via <html lang>. */
export function setLocale(locale: string): void {
  if (!isLocale(locale)) return
  i18n.global.locale.value = locale
  writePreference('locale', locale)
  document.documentElement.lang = locale
}

document.documentElement.lang = i18n.global.locale.value
