import type { RouteRecordSingleView } from 'vue-router'
import type { Permission } from '@/core/access/permissions'
import type { Locale } from '@/core/shared/locale'
import type { DepartureStep, FoundingStep } from '@/identity/feature-steps'
import type { Session } from '@/identity/session'
import type { LobbyStorage } from '@/storage/lobby-storage'

/** A feature's words in both languages; each bundle types its zh-CN part as its en part, so both keep the same keys. */
export type WordBundle = Record<Locale, Record<string, unknown>>

/**
 * CONF-6: the words of the audit actions a feature writes, in both languages. The actions are named
 * `<module name>.<what>`, and typed for the log by augmenting `FeatureAuditActions` in the feature's folder.
 */
export type AuditActionWords<A extends string = string> = Readonly<Record<A, Readonly<Record<Locale, string>>>>

/**
 * Set-up a feature needs once per organisation on each device, done the first time someone who may do it
 * opens one of its routes (e.g. an organisation founded before the feature existed gets its defaults).
 */
export interface FirstOpenHook {
  /** Names the set-up in this device's "done" flags: keep it from one version to the next, or it runs again. */
  name: string
  /** Who may set the feature up: anyone else opens the feature without it, and it waits for the next who may. */
  permission: Permission
  /** Before the route resolves; a failure is logged, the page opens anyway and the next open tries again. */
  run: (ctx: { storage: LobbyStorage; session: Session; orgId: string }) => Promise<void>
}

/**
 * Work a feature does on this device after each sync round, for a user who may (e.g. the service office takes in the
 * jobs technicians finished: issue 15). Runs in the tab that syncs; a failure is logged and the next round tries again.
 */
export interface AfterSyncHook {
  /** Names the work in the log. */
  name: string
  permission: Permission
  /** Loads its code when run, so the first load of the app does not carry it. */
  run: (ctx: { storage: LobbyStorage; session: Session }) => Promise<void>
}

export interface FeatureRoute {
  path: string
  name: string
  /** Lazy (`() => import(…)`) for anything but the first page, so the app's first load carries only the shell. */
  component: RouteRecordSingleView['component']
  /** i18n key of the page title (tab title, announced on navigation); in the module's words or the shell's. */
  titleKey: string
  /** CONF-3: the permission a signed-in user needs, checked by the router's access guard. */
  permission?: Permission
  /** Reachable without signing in (first run, sign-in, diagnostics). */
  public?: boolean
  props?: RouteRecordSingleView['props']
}

/** An address a page had before, kept so bookmarks and installed home-screen links still land on it. */
export interface FeatureRedirect {
  path: string
  redirect: string
}

export interface NavEntry {
  to: string
  key: string
  /** Hides the entry from roles without it. */
  permission?: Permission
  /** Hides the entry from signed-out visitors. */
  signedIn?: boolean
  /** Place in the navigation bar, lowest first. */
  order: number
}

export interface HomeCard {
  to: string
  titleKey: string
  textKey: string
  permission: Permission
  /** `workspace-<testId>` names the card for tests. */
  testId: string
  order: number
}

/**
 * Where a signed-in user whose role has `permission` starts, instead of the home page: after signing in, and when
 * the installed app opens at `/` (a technician's phone opens on their jobs). The first module listing one the
 * role has wins.
 */
export interface Landing {
  to: string
  permission: Permission
}

/**
 * Everything the app needs to know about a feature, stated once in the
 * feature's own `module.ts` and listed in `app/modules.ts`: the app composes
 * the router, the navigation, the home cards and the founding and departure
 * runners from these. A module never imports app/: what its hooks need comes
 * in as arguments.
 */
export interface FeatureModule {
  name: string
  routes: readonly (FeatureRoute | FeatureRedirect)[]
  nav?: NavEntry
  homeCard?: HomeCard
  /** Where a role with its permission starts instead of the home page. */
  landing?: Landing
  /**
   * The words the shell shows before the feature loads: its nav label and its home card's title and text,
   * in a tiny eager `<name>.nav.ts`. Composition refuses a module whose nav entry or card names a word not here.
   */
  shellWords?: WordBundle
  /** The feature's words, loaded with its route before the route resolves (so titles are never raw keys). */
  messages?: () => Promise<WordBundle>
  /** Run the first time a user who may set the feature up opens one of its routes, once per organisation on this device. */
  onFirstOpen?: FirstOpenHook
  /** Run once when an organisation is founded, with the founder's keys. */
  onFounded?: FoundingStep
  /** The audit actions the feature writes, with their words (the audit page names them; CONF-6). */
  auditActions?: AuditActionWords
  /** Steps a staff member's departure needs because of this feature (CONF-9). */
  departureSteps?: readonly DepartureStep[]
  /** Run after each sync round on this device, for users with its permission. */
  afterSyncRound?: AfterSyncHook
}
