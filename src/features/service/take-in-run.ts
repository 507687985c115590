import { can } from '@/core/access/permissions'
import { technicianOf } from '@/core/access/tech-realms'
import { parseRealmKeyId } from '@/crypto/realm-keys'
import type { Session } from '@/identity/session'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { serviceContext } from './service-actions'
import { createServiceRecords } from './service-records'
import { takeInFinishedJobs, type TakeInResult } from './take-in'

/** The technicians whose realm keys this session holds (a lead's or manager's device holds every one's it was granted). */
export function heldTechnicianIds(session: Pick<Session, 'keyring'>): string[] {
  const ids = new Set<string>()
  for (const kid of session.keyring.realmKeys.keys()) {
    const technician = technicianOf(parseRealmKeyId(kid).realm)
    if (technician !== undefined) ids.add(technician)
  }
  return [...ids].sort()
}

let inFlight: Promise<TakeInResult> | undefined

/**
 * SVC-3: on a device whose user dispatches (`field.dispatch`: leads and managers, who hold the technicians' realms),
 * takes every finished job in (take-in.ts). Run after each sync round (the module's `afterSyncRound`) and when the
 * queue opens; one run at a time in this tab, a second caller sharing the run under way.
 */
export function takeInOnThisDevice(storage: LobbyStorage, session: Session): Promise<TakeInResult> {
  if (!can(session.role, 'field.dispatch')) return Promise.resolve({ taken: [], waiting: [] })
  inFlight ??= (async () => {
    try {
      const ctx = serviceContext({ records: createServiceRecords(storage.recordContext), recordContext: storage.recordContext, audit: storage.audit, userId: session.userId })
      return await takeInFinishedJobs(ctx, heldTechnicianIds(session))
    } finally {
      inFlight = undefined
    }
  })()
  return inFlight
}
