import type { RouteRecordRaw } from 'vue-router'
import { landingsOf, routesOf } from './compose-modules'
import { modules } from './modules'

/** Every route comes from a feature's module (`src/features/<name>/module.ts`), listed in modules.ts. */
export const routes: RouteRecordRaw[] = routesOf(modules)

/** Where a role starts instead of the home page (a technician: their jobs). */
export const landings = landingsOf(modules)
