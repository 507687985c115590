import type { NavEntry } from '@/features/module'
import { navOf } from '../compose-modules'
import { modules } from '../modules'

/** Navigation entries: `permission` hides an entry from roles without it; `signedIn` from signed-out visitors. */
export type NavItem = NavEntry

/** Each feature states its own entry in its module; the bar lists them by `order`. */
export const navItems: readonly NavItem[] = navOf(modules)
