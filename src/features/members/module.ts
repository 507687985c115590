import { realmsByRole } from '@/core/access/roles'
import type { FeatureModule } from '@/features/module'
import { deskFirstOpen } from './desk-first-open'
import { membersNavWords } from './members.nav'

/** The membership desk (MEM-*): its screens, its words, and what founding and a departure owe it. */
export const membersModule: FeatureModule = {
  name: 'members',
  routes: [
    { path: '/members', name: 'members', component: () => import('./MembersPage.vue'), titleKey: 'nav.members', permission: 'desk.use' },
    { path: '/members/enrol', name: 'members-enrol', component: () => import('./MembersEnrol.vue'), titleKey: 'members.enrol.title', permission: 'desk.use' },
    { path: '/members/:id', name: 'member', component: () => import('./MemberDetailPage.vue'), props: true, titleKey: 'nav.members', permission: 'desk.use' },
  ],
  nav: { to: '/members', key: 'nav.members', permission: 'desk.use', order: 40 },
  shellWords: membersNavWords,
  homeCard: { to: '/members', titleKey: 'nav.members', textKey: 'home.membersText', permission: 'desk.use', testId: 'members', order: 20 },
  // The member's page carries the phone sign-in panel (issue 14), whose words come with it.
  messages: () =>
    Promise.all([import('./members.messages'), import('@/features/member-signins/member-signins.messages')]).then(([m, s]) => ({
      en: { ...m.membersMessages.en, ...s.memberSigninsMessages.en },
      'zh-CN': { ...m.membersMessages['zh-CN'], ...s.memberSigninsMessages['zh-CN'] },
    })),
  // MEM-1/MEM-2 defaults and the MEM-8 card key exist from the first day.
  // The hooks load their code when run, so the app's first load does not carry it.
  onFounded: async ({ storage, orgId }) => (await import('./desk-setup')).ensureDeskSetup(storage.desk, orgId),
  // An organisation founded before the desk: a manager's first visit stores them.
  onFirstOpen: deskFirstOpen,
  departureSteps: [
    {
      // MEM-8: whoever held the desk realm could read the card key, so it is replaced, sealed under the
      // newest desk key, which the leaver never held: only once that rotation is done and taken in.
      // Its epoch is claimed on the sync server first; not this device's, the step stays pending.
      name: 'card-key',
      neededFor: (role) => realmsByRole[role].includes('desk'),
      after: ['realm:desk'],
      run: async ({ storage, session, claim }) => (await (await import('./card-key-rotation')).rotateCardKey(storage, session, Date.now(), claim)) !== 'waiting',
    },
  ],
}
