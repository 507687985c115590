import type { RouteLocationNormalized } from 'vue-router'
import type { WordBundle } from '@/features/module'
import { i18n } from './i18n'

/**
 * The words of a feature that loads lazily travel with its code: merged into
 * both languages when one of its routes is first visited, so the app's first
 * load carries only the shell's words. Each bundle's zh-CN part is typed as
 * its en part, so the two languages keep the same keys.
 */
export function provideMessages(bundle: WordBundle): void {
  for (const [locale, messages] of Object.entries(bundle)) i18n.global.mergeLocaleMessage(locale, messages)
}

const loaded = new Set<() => Promise<WordBundle>>()

/**
 * A router guard: the words of the route's feature are in place before the
 * route resolves, so its title (set from `titleKey` after navigation) and its
 * first render never show a raw key.
 */
export async function loadRouteWords(to: RouteLocationNormalized): Promise<void> {
  const loaders = to.matched.map((r) => r.meta.messages).filter((l): l is () => Promise<WordBundle> => l !== undefined && !loaded.has(l))
  for (const bundle of await Promise.all(loaders.map((load) => load()))) provideMessages(bundle)
  for (const load of loaders) loaded.add(load)
}
