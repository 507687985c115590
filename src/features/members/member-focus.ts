import type { LobbyStorage } from '@/storage/lobby-storage'
import type { MembershipSettings } from '@/core/membership/types'
import { holdersOf } from '@/core/membership/member-list'
import { loadDeskSlice } from './desk-slice'
import { loadDeskSnapshot, type DeskSnapshot, type DeskView } from './desk-snapshot'
import { catchUp, memberListReady, memberListSummary } from './member-list'

/**
 * What a member's pages and the desk's actions on them read (docs/architecture.md "Reading a slice"): the
 * member in focus (or the person's memberships, for an enrolment), with their fees, blacklist events and
 * service logs; every member who ever paid a capped tier, with their fees (MEM-4 counts places among them:
 * no one else can hold one), named by the members list's summary; and the waiting lists (short). Never the
 * whole realm, once this device has folded the members list; before that, the realm.
 */
export interface MemberFocusView extends DeskView {
  scope: 'focus'
}

export interface MemberFocus {
  memberId?: string
  personId?: string
}

type Storage = Pick<LobbyStorage, 'desk' | 'people' | 'memberList' | 'orgSettings'>

export async function loadMemberFocus(
  storage: Storage,
  base: { settings: MembershipSettings; settingsSaved: boolean },
  now: number,
  focus: MemberFocus,
): Promise<MemberFocusView | DeskSnapshot> {
  if (!(await memberListReady(storage, base.settings))) return loadDeskSnapshot(storage)
  await catchUp(storage, base.settings)
  const summary = await memberListSummary(storage)
  const capped = base.settings.tiers.filter((t) => t.cap !== undefined).map((t) => t.id)
  const ofPerson = focus.personId ? (await storage.desk.members.ofPerson(focus.personId)).map((m) => m.id) : []
  const memberIds = [...(focus.memberId ? [focus.memberId] : []), ...ofPerson, ...(summary ? holdersOf(summary, capped) : [])]
  const [slice, serviceLogs, waitlist] = await Promise.all([
    loadDeskSlice(storage, base, now, { memberIds }),
    focus.memberId ? storage.desk.serviceLogs.byParent(focus.memberId) : [],
    storage.desk.waitlist.list(),
  ])
  return { ...slice, scope: 'focus', serviceLogs: serviceLogs.map((s) => s.record), waitlist }
}
