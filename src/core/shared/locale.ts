/** UI languages Lobby ships. */
export const supportedLocales = ['zh-CN', 'en'] as const
export type Locale = (typeof supportedLocales)[number]

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value)
}

/**
 * The UI language to start in: a remembered choice wins, otherwise the first
 * browser language we support (any `zh*` counts as Simplified Chinese, which is
 * what the business writes in), otherwise English.
 */
export function pickLocale(remembered: string | null | undefined, browserLanguages: readonly string[]): Locale {
  if (isLocale(remembered)) return remembered
  for (const tag of browserLanguages) {
    const lower = tag.toLowerCase()
    if (lower.startsWith('zh')) return 'zh-CN'
    if (lower.startsWith('en')) return 'en'
  }
  return 'en'
}
