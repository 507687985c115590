import type { RouteRecordRaw } from 'vue-router'
import { routesOf } from './compose-modules'
import { modules } from './modules'

/** Every route comes from a feature's module (`src/features/<name>/module.ts`), listed in modules.ts. */
export const routes: RouteRecordRaw[] = routesOf(modules)
