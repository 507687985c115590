import type { NavigationGuard } from 'vue-router'
import { useSessionStore } from '@/identity/session.store'

/**
 * CONF-3 in the router: first run goes to set-up, signed-out users to sign-in,
 * and a route whose permission the role lacks is refused (and audited), even
 * when its address is typed by hand.
 */
export const accessGuard: NavigationGuard = async (to) => {
  const session = useSessionStore()
  const hasOrg = session.hasOrg ?? (await session.refreshOrg())
  if (to.name === 'welcome') return hasOrg ? { name: 'sign-in' } : true
  if (to.meta.public) return hasOrg || to.name !== 'sign-in' ? true : { name: 'welcome' }
  if (!hasOrg) return { name: 'welcome' }
  if (session.isLocked) {
    session.returnTo = to.fullPath
    return true // the app shows the lock screen in place of any page
  }
  if (!session.isSignedIn) {
    session.returnTo = to.fullPath
    return { name: 'sign-in' }
  }
  if (to.meta.permission && !session.can(to.meta.permission)) {
    session.refusedPath = to.fullPath
    await session.recordRefusal(to.path)
    return { name: 'forbidden' }
  }
  return true
}
