import { createI18n } from 'vue-i18n'
import { isLocale, pickLocale, type Locale } from '@/core/shared/locale'
import { selfServiceMessages } from '@/features/self-service/self-service.messages'
import { selfServiceNavWords } from '@/features/self-service/self-service.nav'
import { readPreference, writePreference } from '@/platform/preferences'
import { memberAppMessages } from './member-app.messages'

/**
 * The member app's words: its own and the account pages' only (the staff app's shell words never load here, which
 * keeps the phone's first download small). The language is the device preference the staff app also keeps.
 */
const wordsOf = (l: Locale) => ({ ...memberAppMessages[l], ...selfServiceNavWords[l], ...selfServiceMessages[l] })
const messages = { en: wordsOf('en'), 'zh-CN': wordsOf('zh-CN') }

export const memberI18n = createI18n({
  legacy: false,
  locale: pickLocale(readPreference('locale'), navigator.languages ?? [navigator.language]),
  fallbackLocale: 'en',
  messages,
})

export function setMemberLocale(locale: string): void {
  if (!isLocale(locale)) return
  memberI18n.global.locale.value = locale
  writePreference('locale', locale)
  document.documentElement.lang = locale
}

document.documentElement.lang = memberI18n.global.locale.value
