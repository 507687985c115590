import type { FeatureModule } from '@/features/module'
import { incidentsNavWords } from './incidents.messages'

/**
 * REC-7: incidents against staff members, part of the reception desk's folder but a module of its own: every staff
 * member reads their own (not only those who work the desk), managers everyone's.
 */
export const receptionIncidentsModule: FeatureModule = {
  name: 'reception-incidents',
  routes: [
    { path: '/reception/my-incidents', name: 'reception-my-incidents', component: () => import('./ReceptionMyIncidentsPage.vue'), titleKey: 'receptionIncidents.mineTitle' },
    { path: '/reception/incidents', name: 'reception-incidents', component: () => import('./ReceptionIncidentsPage.vue'), titleKey: 'receptionIncidents.title', permission: 'incidents.review' },
  ],
  nav: { to: '/reception/my-incidents', key: 'nav.incidents', signedIn: true, order: 95 },
  shellWords: incidentsNavWords,
  messages: () => import('./reception-words').then((m) => m.receptionWords),
}
