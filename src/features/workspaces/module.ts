import type { Permission } from '@/core/access/permissions'
import type { FeatureModule } from '@/features/module'
import { workspacesNavWords } from './workspaces.nav'

/**
 * A workspace that a later issue fills in (CONF-3: behind the permission its work will need). Until then it has
 * no nav entry and no home card (issue 10: the app shows what is there today); its address, if someone has
 * it, says plainly that it is not available.
 */
function comingWorkspace(name: string, permission: Permission): FeatureModule {
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
    shellWords: workspacesNavWords,
  }
}

export const manageModule = comingWorkspace('manage', 'settings.manage')
