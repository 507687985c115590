import type { DeviceKind } from '@/core/shared/update-policy'

/**
 * CONF-7: whether the idle time has run out, by the wall clock. Timers do not run while a tablet
 * sleeps, so the time since the last touch is read from timestamps, never counted by a timer.
 */
export function idleLockDue(now: number, lastTouchedAt: number, limitSeconds: number): boolean {
  return now - lastTouchedAt >= limitSeconds * 1000
}

/** CONF-7: a shared front-desk tablet locks as soon as its screen goes off; someone's own device waits for the idle time. */
export function locksWhenHidden(kind: DeviceKind): boolean {
  return kind === 'frontdesk'
}
