import type { LocalStore } from './local-store'

/**
 * Device-local, never replicated: which organisation has had which feature's first-open set-up done
 * on this device (`app/first-open.ts`), so it runs once per organisation here, not at every open.
 */
export function createFirstOpensRepo(local: LocalStore) {
  const key = (orgId: string, name: string) => `first-open:${orgId}:${name}`
  return {
    isDone: async (orgId: string, name: string) => (await local.get<boolean>(key(orgId, name))) === true,
    markDone: (orgId: string, name: string) => local.set(key(orgId, name), true),
  }
}
