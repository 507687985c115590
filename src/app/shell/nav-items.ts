import type { Permission } from '@/core/access/permissions'

/** Navigation entries: `permission` hides an entry from roles without it; `signedIn` from signed-out visitors. */
export interface NavItem {
  to: string
  key: string
  permission?: Permission
  signedIn?: boolean
}

export const navItems: readonly NavItem[] = [
  { to: '/', key: 'nav.home', signedIn: true },
  { to: '/people', key: 'nav.people', permission: 'desk.use' },
  { to: '/desk', key: 'nav.desk', permission: 'desk.use' },
  { to: '/members', key: 'nav.members', permission: 'desk.use' },
  { to: '/broadband', key: 'nav.broadband', permission: 'broadband.use' },
  { to: '/field', key: 'nav.field', permission: 'field.work' },
  { to: '/manage', key: 'nav.manage', permission: 'settings.manage' },
  { to: '/manage/membership', key: 'nav.membershipSettings', permission: 'settings.manage' },
  { to: '/manage/organisation', key: 'nav.organisationSettings', permission: 'settings.manage' },
  { to: '/staff', key: 'nav.staff', permission: 'staff.manage' },
  { to: '/audit', key: 'nav.audit', permission: 'audit.review' },
  { to: '/devices', key: 'nav.devices', permission: 'devices.manage' },
  { to: '/settings', key: 'nav.settings', signedIn: true },
  { to: '/diagnostics', key: 'nav.diagnostics' },
]
