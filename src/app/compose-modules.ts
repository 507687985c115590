import type { RouteRecordRaw } from 'vue-router'
import type { FeatureSteps } from '@/identity/feature-steps'
import { supportedLocales } from '@/core/shared/locale'
import type { AfterSyncHook, AuditActionWords, FeatureModule, HomeCard, Landing, NavEntry, WordBundle } from '@/features/module'
import { platformAuditActions } from '@/storage/audit-events'

/** The router's records: each route carries its module's words loader, awaited before the route resolves (router.ts). */
export function routesOf(modules: readonly FeatureModule[]): RouteRecordRaw[] {
  return modules.flatMap((m) =>
    m.routes.map(
      (r): RouteRecordRaw =>
        'redirect' in r ? { path: r.path, redirect: r.redirect } : {
        path: r.path,
        name: r.name,
        component: r.component,
        ...(r.props !== undefined ? { props: r.props } : {}),
        meta: {
          titleKey: r.titleKey,
          ...(r.permission ? { permission: r.permission } : {}),
          ...(r.public ? { public: true } : {}),
          ...(m.messages ? { messages: m.messages } : {}),
          ...(m.onFirstOpen ? { firstOpen: m.onFirstOpen } : {}),
        },
      },
    ),
  )
}

export const navOf = (modules: readonly FeatureModule[]): NavEntry[] => modules.flatMap((m) => (m.nav ? [m.nav] : [])).sort((a, b) => a.order - b.order)

export const homeCardsOf = (modules: readonly FeatureModule[]): HomeCard[] =>
  modules.flatMap((m) => (m.homeCard ? [m.homeCard] : [])).sort((a, b) => a.order - b.order)

/** Where roles start instead of the home page, in the order of the module list (the first a role has wins). */
export const landingsOf = (modules: readonly FeatureModule[]): Landing[] => modules.flatMap((m) => (m.landing ? [m.landing] : []))

/** The work features do after each sync round (app/after-sync.ts), in the order of the module list. */
export const afterSyncHooksOf = (modules: readonly FeatureModule[]): AfterSyncHook[] => modules.flatMap((m) => (m.afterSyncRound ? [m.afterSyncRound] : []))

/** What founding and a departure owe the features, in the order of the module list. */
export function featureStepsOf(modules: readonly FeatureModule[]): FeatureSteps {
  return {
    founding: modules.flatMap((m) => (m.onFounded ? [m.onFounded] : [])),
    departure: modules.flatMap((m) => m.departureSteps ?? []),
  }
}

const wordAt = (words: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((at, part) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined), words)

function mergeInto(target: Record<string, unknown>, words: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(words)) {
    const there = target[key]
    if (value !== null && typeof value === 'object' && there !== null && typeof there === 'object') mergeInto(there as Record<string, unknown>, value as Record<string, unknown>)
    else target[key] = value !== null && typeof value === 'object' ? structuredClone(value) : value
  }
}

/**
 * The words the shell shows before any feature loads (nav labels, home cards), from each module's
 * `shellWords`, one bundle per language. A module whose nav entry or home card names a word its own
 * `shellWords` lacks, in either language, is refused here at start-up, not found later as a raw key.
 */
export function shellWordsOf(modules: readonly FeatureModule[]): WordBundle {
  const bundle = Object.fromEntries(supportedLocales.map((locale) => [locale, {}])) as WordBundle
  for (const m of modules) {
    const shown = [m.nav?.key, m.homeCard?.titleKey, m.homeCard?.textKey].filter((k): k is string => k !== undefined)
    for (const locale of supportedLocales) {
      for (const key of shown) {
        if (typeof wordAt(m.shellWords?.[locale], key) !== 'string') throw new Error(`Module ${m.name}: no ${locale} word for ${key} in its shellWords`)
      }
      if (m.shellWords) mergeInto(bundle[locale], m.shellWords[locale])
    }
  }
  return bundle
}

/**
 * CONF-6: the audit actions the features write, with their words. Refused at start-up: an action not named
 * `<module>.<what>` (two desks could not tell theirs apart), one the platform or another module already
 * writes, or one without words in a language (the audit page would show a key).
 */
export function auditActionWordsOf(modules: readonly FeatureModule[]): AuditActionWords {
  const all: Record<string, AuditActionWords[string]> = {}
  for (const m of modules) {
    for (const [action, words] of Object.entries(m.auditActions ?? {})) {
      if (!action.startsWith(`${m.name}.`) || action.length === m.name.length + 1) throw new Error(`Module ${m.name}: audit action ${action} is not named ${m.name}.<what>`)
      if ((platformAuditActions as readonly string[]).includes(action) || Object.hasOwn(all, action)) throw new Error(`Module ${m.name}: audit action ${action} is already written by another`)
      for (const locale of supportedLocales) {
        if (typeof words[locale] !== 'string' || words[locale].trim() === '') throw new Error(`Module ${m.name}: no ${locale} words for audit action ${action}`)
      }
      all[action] = words
    }
  }
  return all
}
