import type { RouteRecordRaw } from 'vue-router'
import type { FeatureSteps } from '@/identity/feature-steps'
import type { FeatureModule, HomeCard, NavEntry } from '@/features/module'

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
        },
      },
    ),
  )
}

export const navOf = (modules: readonly FeatureModule[]): NavEntry[] => modules.flatMap((m) => (m.nav ? [m.nav] : [])).sort((a, b) => a.order - b.order)

export const homeCardsOf = (modules: readonly FeatureModule[]): HomeCard[] =>
  modules.flatMap((m) => (m.homeCard ? [m.homeCard] : [])).sort((a, b) => a.order - b.order)

/** What founding and a departure owe the features, in the order of the module list. */
export function featureStepsOf(modules: readonly FeatureModule[]): FeatureSteps {
  return {
    founding: modules.flatMap((m) => (m.onFounded ? [m.onFounded] : [])),
    departure: modules.flatMap((m) => m.departureSteps ?? []),
  }
}
