import { createPinia } from 'pinia'
import { createApp } from 'vue'
import '@/ui/styles.css'
import { selfViewsKey } from '@/features/self-service/self-views'
import { localSelfViews } from './local-self-views'
import MemberApp from './MemberApp.vue'
import { memberI18n } from './member-i18n'
import { createMemberRouter } from './member-router'
import { loadSelfDevice, useMemberSession } from './member-session.store'
import { useSelfServiceStore } from '@/features/self-service/self-service.store'
import { watch } from 'vue'

/**
 * Issue 14: the member's app, a page of its own (`/me/`): it loads none of the staff app (no staff store,
 * repository or desk), reads only the member's own database, and installs to a phone's home screen apart.
 */
const app = createApp(MemberApp)
const pinia = createPinia()
app.use(pinia)
const member = useMemberSession(pinia)
const views = localSelfViews(() => loadSelfDevice(), () => member.keys(), () => member.org?.orgId, () => void member.syncNow())
watch(() => member.round, () => views.changed())
app.provide(selfViewsKey, views)
member.whenPasswordSet((first) => void views.passwordSet(first).catch(() => undefined))
const self = app.runWithContext(() => useSelfServiceStore())
// Days and times are the organisation's (its public settings), never the phone's zone.
watch(() => member.org?.timeZone, (zone) => void (zone && (self.timeZone = zone)), { immediate: true })
// Signed out: nothing read stays in memory.
watch(() => member.state, (state) => state === 'signed-out' && self.reset())
app.use(memberI18n)
app.use(createMemberRouter())
app.mount('#app')

// The app's one service worker (its precache holds `/me/` too), so the member's pages open offline. Updates wait
// until every Lobby tab is closed (the staff app asks first; a member's phone has no unsaved desk work to lose).
if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined)
