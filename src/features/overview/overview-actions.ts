import { expiringSoon } from '@/core/membership/expiring'
import { whoIsIn } from '@/core/membership/visits'
import { dispatchStandingOf } from '@/core/service/dispatch-clock'
import { currentRound } from '@/core/service/request-state'
import { returnVisitDeadline } from '@/core/service/return-visit'
import type { LocalDate } from '@/core/shared/units'
import type { BroadbandContext } from '@/features/broadband/broadband-actions'
import { worklistOn } from '@/features/broadband/worklist-actions'
import { deskSettings, loadDeskDay, loadDeskSlice, membersWithFeesEnding } from '@/features/members/desk-slice'
import { stateOf, todayIn } from '@/features/members/desk-snapshot'
import { inBuildingOn } from '@/features/reception/reception-actions'
import type { ReceptionRecords } from '@/features/reception/reception-records'
import { openRequests } from '@/features/return-visits/open-work'
import type { ServiceRecords } from '@/features/service/service-records'
import type { LobbyStorage } from '@/storage/lobby-storage'

/**
 * The manager's day (issue 15 §8): each figure answered the way its own desk answers it, by slices, never a realm:
 * who is in the building (reception: today's visits and check-outs), members in and memberships ending (check-in:
 * today's visits, the fees ending in the next days and those members), arrears and dunning steps (the broadband
 * worklist's one pass), complaints waiting and return visits due (the open-work markers and those requests' events),
 * and each device's last sync (the newest entries of its audit chain). Each is its own function, so the page shows
 * each figure as soon as it is read and one desk's trouble does not hide the others.
 */

/** REC-6: visitors in the building today (the in-building list's count). */
export async function visitorsIn(records: ReceptionRecords, today: LocalDate): Promise<number> {
  return (await inBuildingOn({ records }, today)).length
}

export interface MemberFigures {
  /** MEM-3: members checked in today and not out. */
  membersIn: number
  /** MEM-7: active memberships ending within `days` days (the check-in page's "ending soon" list). */
  ending: number
  days: number
}

/** MEM-3, MEM-7: as the check-in page reads them (desk-slice.ts): today's visits; the fees ending soon and their members. */
export async function memberFigures(storage: Pick<LobbyStorage, 'desk' | 'orgSettings'>, now: number): Promise<MemberFigures> {
  const base = await deskSettings(storage)
  const today = todayIn(base, now)
  const days = base.settings.expiringWithinDays
  const [day, endingIds] = await Promise.all([loadDeskDay(storage, base, now, 'today'), membersWithFeesEnding(storage, today, days)])
  const membersIn = whoIsIn(day.checkIns, day.checkOuts).filter((c) => (c.record.day ?? todayIn(base, c.record.at)) === today).length
  const slice = await loadDeskSlice(storage, base, now, { memberIds: endingIds })
  const ending = expiringSoon(slice.members.map((m) => ({ memberId: m.id, state: stateOf(slice, m.id, now) })), today, days).length
  return { membersIn, ending, days }
}

export interface BroadbandFigures {
  /** BB-3: accounts owing past due. */
  inArrears: number
  /** BB-4, BB-9: accounts with a dunning step due today (the worklist). */
  dunningDue: number
}

/** BB-3, BB-4, BB-9: the dunning worklist's pass (worklist-actions.ts), which counts the arrears as it goes. */
export async function broadbandFigures(ctx: BroadbandContext, today: LocalDate): Promise<BroadbandFigures> {
  const { rows, inArrears } = await worklistOn(ctx, today)
  return { inArrears, dunningDue: new Set(rows.map((r) => r.accountId)).size }
}

export interface ServiceFigures {
  /** SVC-2: complaints waiting for dispatch (new, or reopened), and those past their 60 minutes. */
  complaintsWaiting: number
  complaintsOverdue: number
  /** SVC-4: return visits due (finished jobs), and those past their 72 hours. */
  returnVisitsDue: number
  returnVisitsOverdue: number
}

/** SVC-2, SVC-4: from the open-work markers, folding only complaints and requests whose job finished. */
export async function serviceFigures(records: ServiceRecords, now: number): Promise<ServiceFigures> {
  const open = await openRequests(records, (request, finished) => request.complaint || finished)
  const figures: ServiceFigures = { complaintsWaiting: 0, complaintsOverdue: 0, returnVisitsDue: 0, returnVisitsOverdue: 0 }
  for (const { request, state } of open) {
    if (request.complaint && (state.status === 'waiting' || state.status === 'reopened')) {
      figures.complaintsWaiting += 1
      const standing = dispatchStandingOf(request, state.firstDispatchAt, now)
      if (standing.status === 'waiting' && standing.deadline !== null && standing.overdue) figures.complaintsOverdue += 1
    }
    if (state.status === 'done') {
      figures.returnVisitsDue += 1
      if (now > returnVisitDeadline(currentRound(state).completion!.record)) figures.returnVisitsOverdue += 1
    }
  }
  return figures
}

/** CONF-10: one device (one user's, on one browser) and when it was last heard of. */
export interface DeviceHealth {
  deviceId: string
  userId?: string
  userAgent: string
  /** The device this page is open on. */
  current: boolean
  /** Its newest hourly sync note, and its newest sign-in, unlock or sync (epoch ms). */
  lastSync?: number
  lastSeen?: number
  /** Synced within `syncedWithinHours`. */
  healthy: boolean
}

/** A device not heard to sync for longer than this stands out on the manager's day. */
export const syncedWithinHours = 24

const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso))

/**
 * CONF-10: the devices page's data, cheaply: every device not revoked, with its last sync and last sign-in from the
 * newest entries of its own audit chain (`latestOf`), not the whole log. Least recently synced first.
 */
export async function deviceHealth(storage: Pick<LobbyStorage, 'devices' | 'audit' | 'localDeviceIds'>, auditPrivate: ReadonlyMap<string, CryptoKey>, now: number): Promise<DeviceHealth[]> {
  const [devices, here] = await Promise.all([storage.devices.list(), storage.localDeviceIds()])
  const mine = new Set(here)
  const rows = await Promise.all(
    devices
      .filter((d) => !d.revoked)
      .map(async (d): Promise<DeviceHealth> => {
        const latest = await storage.audit.latestOf(auditPrivate, d.deviceId, ['sync', 'sign-in', 'unlock'])
        const lastSync = ms(latest.get('sync')?.at)
        const seen = [...latest.values()].map((e) => Date.parse(e.at)).filter(Number.isFinite)
        return {
          deviceId: d.deviceId,
          ...(d.userId ?? d.by ? { userId: (d.userId ?? d.by)! } : {}),
          userAgent: d.userAgent,
          current: mine.has(d.deviceId),
          ...(lastSync !== undefined ? { lastSync } : {}),
          ...(seen.length ? { lastSeen: Math.max(...seen) } : {}),
          healthy: lastSync !== undefined && now - lastSync <= syncedWithinHours * 3_600_000,
        }
      }),
  )
  return rows.sort((a, b) => (a.lastSync ?? -Infinity) - (b.lastSync ?? -Infinity) || a.deviceId.localeCompare(b.deviceId))
}
