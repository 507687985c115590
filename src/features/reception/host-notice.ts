import { ackReminder, type AckReminder } from '@/core/reception/ack'
import type { ReceptionSettings, Visit } from '@/core/reception/types'
import { plannedNoticeId, type NoticeStatus } from '@/storage/notices.repo'
import type { LobbyStorage } from '@/storage/lobby-storage'

/**
 * REC-3: telling the host. The notice's id is made first and kept on the visit, so the visit is saved whatever
 * becomes of the notice (a host with no certified keys, a full disk after the visit): the desk then sees "not told"
 * and tells them itself. The notice carries the visitor's name as given and the place, sealed to the host alone.
 */
export type HostNotices = Pick<LobbyStorage['notices'], 'send' | 'statusOf'>

export const planHostNotice = (hostId: string) => plannedNoticeId(hostId)

/** Sends the planned notice for a saved visit; false when it could not be (the visit stands). */
export async function tellHost(notices: HostNotices, planned: { nid: string }, visitId: string, visit: Visit, placeName: string): Promise<boolean> {
  try {
    await notices.send({ to: visit.hostId, kind: 'visitor-arrived', nid: planned.nid, at: visit.at, body: { visitId, visitorName: visit.name, place: placeName } })
    return true
  } catch (e) {
    console.warn('the host could not be told', e instanceof Error ? e.name : 'error')
    return false
  }
}

/** Where telling the host stands, for the desk: not written here, not on the server yet, waiting, to chase, acknowledged. */
export type HostTold =
  | { state: 'not-told' }
  | { state: 'not-sent' }
  | AckReminder

/** REC-3: each visit's host notice as the desk sees it at `now` (refused visits and visits without a notice: none). */
export async function hostToldOf(notices: HostNotices, visits: { id: string; record: Visit }[], now: number, settings: Pick<ReceptionSettings, 'ackMinutes'>): Promise<Map<string, HostTold>> {
  const withNotice = visits.filter((v) => v.record.noticeId && !v.record.refused)
  const out = new Map<string, HostTold>()
  if (!withNotice.length) return out
  const status: Map<string, NoticeStatus> = await notices.statusOf(withNotice.map((v) => v.record.noticeId!))
  for (const v of withNotice) {
    const s = status.get(v.record.noticeId!)
    if (!s) out.set(v.id, { state: 'not-told' })
    else if (!s.sent && s.ackedAt === undefined) out.set(v.id, { state: 'not-sent' })
    else out.set(v.id, ackReminder(v.record.at, s.ackedAt, now, settings))
  }
  return out
}
