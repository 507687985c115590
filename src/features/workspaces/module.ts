import type { Permission } from '@/core/access/permissions'
import type { FeatureModule } from '@/features/module'
import { workspacesNavWords } from './workspaces.nav'

/** A workspace that a later issue fills in (CONF-3: behind the permission its work will need); until then it shows what is coming. */
function comingWorkspace(name: string, permission: Permission, order: { nav: number; home: number }): FeatureModule {
  return {
    name,
    routes: [
      {
        path: `/${name}`,
        name,
        component: () => import('./WorkspacePlaceholderPage.vue'),
        props: { workspace: name },
        titleKey: `nav.${name}`,
        permission,
      },
    ],
    nav: { to: `/${name}`, key: `nav.${name}`, permission, order: order.nav },
    shellWords: workspacesNavWords,
    homeCard: { to: `/${name}`, titleKey: `nav.${name}`, textKey: `home.${name}Text`, permission, built: false, testId: name, order: order.home },
  }
}

export const broadbandModule = comingWorkspace('broadband', 'broadband.use', { nav: 50, home: 30 })
export const fieldModule = comingWorkspace('field', 'field.work', { nav: 60, home: 40 })
export const manageModule = comingWorkspace('manage', 'settings.manage', { nav: 70, home: 50 })
