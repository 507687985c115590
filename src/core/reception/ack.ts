/** REC-3: when the desk is reminded to chase a host. */
import type { ReceptionSettings } from './types'

/** Waiting for the host until `remindAt`; past it, the desk chases (`since` then); or the host has acknowledged. */
export type AckReminder = { state: 'waiting'; remindAt: number } | { state: 'chase'; since: number } | { state: 'acknowledged'; at: number }

/**
 * REC-3: a host told of a visitor at `notifiedAt` has `ackMinutes` (default 5) to acknowledge; from then on, the
 * desk is reminded to chase them until they do. `notifiedAt` is when the desk registered the visit (the host
 * may only receive it later, when it syncs: the time runs for the visitor waiting, not for the delivery).
 */
export function ackReminder(notifiedAt: number, acknowledgedAt: number | undefined, now: number, settings: Pick<ReceptionSettings, 'ackMinutes'>): AckReminder {
  if (acknowledgedAt !== undefined) return { state: 'acknowledged', at: acknowledgedAt }
  const remindAt = notifiedAt + settings.ackMinutes * 60_000
  return now < remindAt ? { state: 'waiting', remindAt } : { state: 'chase', since: remindAt }
}
