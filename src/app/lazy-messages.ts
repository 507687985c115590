import type { Locale } from '@/core/shared/locale'
import { i18n } from './i18n'

/**
 * The words of a feature that loads lazily travel with its code: merged into
 * both languages when its chunk first runs, so the app's first load carries
 * only the shell's words. Each bundle's zh-CN part is typed as its en part,
 * so the two languages keep the same keys.
 */
export function provideMessages<T extends Record<string, unknown>>(bundle: Record<Locale, T>): void {
  for (const [locale, messages] of Object.entries(bundle)) i18n.global.mergeLocaleMessage(locale, messages)
}
