import type { RouteLocationNormalized } from 'vue-router'
import type { Permission } from '@/core/access/permissions'
import type { FirstOpenHook } from '@/features/module'
import type { Session } from '@/identity/session'
import type { LobbyStorage } from '@/storage/lobby-storage'

/** What the guard reads at each navigation: this device's storage and the session store's view of the user. */
export interface FirstOpenDeps {
  storage: LobbyStorage
  session: { session: Session | undefined; isLocked: boolean; can(permission: Permission): boolean }
}

/**
 * A `beforeResolve` guard (router.ts): the first time a user who may set a feature up opens one of its
 * routes, the module's `onFirstOpen` runs, once per organisation on this device (a device-local flag,
 * `storage.firstOpens`, set only after it succeeds). A failed run is logged and the page opens anyway:
 * features read defaults when nothing is saved, and the next open tries again.
 */
export function firstOpenGuard(deps: () => FirstOpenDeps) {
  // Two navigations at once (a redirect, a double tap) share one run instead of racing.
  const running = new Map<string, Promise<void>>()

  async function runOnce(hook: FirstOpenHook, storage: LobbyStorage, user: Session): Promise<void> {
    const org = await storage.signIns.getOrg()
    if (!org || (await storage.firstOpens.isDone(org.orgId, hook.name))) return
    const key = `${org.orgId}|${hook.name}`
    let run = running.get(key)
    if (!run) {
      run = hook
        .run({ storage, session: user, orgId: org.orgId })
        .then(() => storage.firstOpens.markDone(org.orgId, hook.name))
        .finally(() => running.delete(key))
      running.set(key, run)
    }
    await run.catch((e: unknown) => console.warn(`first-open set-up ${hook.name} failed; tried again at the next open`, e))
  }

  return async (to: Pick<RouteLocationNormalized, 'matched'>): Promise<void> => {
    const hooks = to.matched.map((r) => r.meta.firstOpen).filter((h): h is FirstOpenHook => h !== undefined)
    if (hooks.length === 0) return
    const current = deps()
    const user = current.session.session
    if (!user || current.session.isLocked) return
    for (const hook of hooks) if (current.session.can(hook.permission)) await runOnce(hook, current.storage, user)
  }
}
