import type { RouteRecordRaw } from 'vue-router'
import type { Permission } from '@/core/access/permissions'
import HomePage from '@/features/home/HomePage.vue'

/** Workspaces that later issues fill in, each behind the permission its work needs (CONF-3). */
export const workspaces = [
  { name: 'desk', permission: 'desk.use' },
  { name: 'members', permission: 'desk.use' },
  { name: 'broadband', permission: 'broadband.use' },
  { name: 'field', permission: 'field.work' },
  { name: 'manage', permission: 'settings.manage' },
] as const satisfies readonly { name: string; permission: Permission }[]
export type Workspace = (typeof workspaces)[number]['name']

/** Workspaces built so far; the others show what is coming. */
const built: Partial<Record<Workspace, () => Promise<unknown>>> = {
  desk: () => import('@/features/checkin/CheckinPage.vue'),
  members: () => import('@/features/members/MembersPage.vue'),
}

/** Whether a workspace has its own screens yet (home marks the others "coming"). */
export const isBuilt = (w: Workspace): boolean => built[w] !== undefined

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage, meta: { titleKey: 'nav.home' } },
  ...workspaces.map(
    (w): RouteRecordRaw => ({
      path: `/${w.name}`,
      name: w.name,
      component: built[w.name] ?? (() => import('@/features/workspaces/WorkspacePlaceholderPage.vue')),
      props: built[w.name] ? false : { workspace: w.name },
      meta: { titleKey: `nav.${w.name}`, permission: w.permission },
    }),
  ),
  {
    path: '/members/enrol',
    name: 'members-enrol',
    component: () => import('@/features/members/MembersEnrol.vue'),
    meta: { titleKey: 'members.enrol.title', permission: 'desk.use' },
  },
  {
    path: '/members/:id',
    name: 'member',
    component: () => import('@/features/members/MemberDetailPage.vue'),
    props: true,
    meta: { titleKey: 'nav.members', permission: 'desk.use' },
  },
  {
    path: '/people',
    name: 'people',
    component: () => import('@/features/people/PeoplePage.vue'),
    meta: { titleKey: 'nav.people', permission: 'desk.use' },
  },
  {
    path: '/staff',
    name: 'staff',
    component: () => import('@/features/staff/StaffPage.vue'),
    meta: { titleKey: 'nav.staff', permission: 'staff.manage' },
  },
  {
    path: '/audit',
    name: 'audit',
    component: () => import('@/features/audit/AuditPage.vue'),
    meta: { titleKey: 'nav.audit', permission: 'audit.review' },
  },
  {
    path: '/devices',
    name: 'devices',
    component: () => import('@/features/devices/DevicesPage.vue'),
    meta: { titleKey: 'nav.devices', permission: 'devices.manage' },
  },
  {
    path: '/manage/membership',
    name: 'membership-settings',
    component: () => import('@/features/membership-settings/MembershipSettingsPage.vue'),
    meta: { titleKey: 'nav.membershipSettings', permission: 'settings.manage' },
  },
  {
    path: '/manage/organisation',
    name: 'organisation-settings',
    component: () => import('@/features/organisation-settings/OrganisationSettingsPage.vue'),
    meta: { titleKey: 'nav.organisationSettings', permission: 'settings.manage' },
  },
  {
    path: '/welcome',
    name: 'welcome',
    component: () => import('@/features/auth/CreateOrgPage.vue'),
    meta: { titleKey: 'auth.welcomeTitle', public: true },
  },
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('@/features/auth/SignInPage.vue'),
    meta: { titleKey: 'auth.signInTitle', public: true },
  },
  {
    path: '/join',
    name: 'join',
    component: () => import('@/features/auth/JoinPage.vue'),
    meta: { titleKey: 'join.title', public: true },
  },
  {
    path: '/first-sign-in',
    name: 'first-sign-in',
    component: () => import('@/features/auth/FirstSignInPage.vue'),
    meta: { titleKey: 'auth.signInTitle', public: true },
  },
  {
    path: '/forbidden',
    name: 'forbidden',
    component: () => import('@/features/auth/ForbiddenPage.vue'),
    meta: { titleKey: 'forbidden.title' },
  },
  {
    path: '/diagnostics',
    name: 'diagnostics',
    component: () => import('@/features/diagnostics/DiagnosticsPage.vue'),
    meta: { titleKey: 'nav.diagnostics', public: true },
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('@/features/settings/SettingsPage.vue'),
    meta: { titleKey: 'nav.settings' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/features/home/NotFoundPage.vue'),
    meta: { titleKey: 'notFound.title', public: true },
  },
]
