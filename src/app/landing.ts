import type { NavigationGuard } from 'vue-router'
import type { Permission } from '@/core/access/permissions'
import type { Landing } from '@/features/module'

/**
 * The home page's address sends a role with a landing of its own there instead (a technician: `/field`), so
 * signing in, a lock's "back to where you were" and the installed app's start URL all open on it. Other routes,
 * and roles with no landing, go where they were going. Runs after the access guard: only a signed-in user gets here.
 */
export function landingGuard(landings: readonly Landing[], session: () => { can: (p: Permission) => boolean }): NavigationGuard {
  return (to) => {
    if (to.name !== 'home') return true
    const landing = landings.find((l) => session().can(l.permission))
    return landing ? { path: landing.to, replace: true } : true
  }
}
