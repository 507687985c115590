import { defaultIdleLockSeconds } from '@/core/access/agreement'
import type { DeviceKind } from '@/core/shared/update-policy'

/** CONF-7: the idle times any source may set: a screen locks no sooner than 10 seconds and no later than an hour. */
export const idleLockRange = { min: 10, max: 3600 } as const

/** Where the idle time a device uses comes from, so its settings page can say which applies. */
export type IdleLockSource = 'device' | 'organisation' | 'built-in'

export interface IdleLockInForce {
  seconds: number
  source: IdleLockSource
}

/** Whether `seconds` is an idle time a screen may wait: a whole number inside `idleLockRange`. */
export function isIdleLockSeconds(seconds: number | undefined): seconds is number {
  return seconds !== undefined && Number.isInteger(seconds) && seconds >= idleLockRange.min && seconds <= idleLockRange.max
}

/**
 * CONF-7, issue 9 §4: the idle time a device locks after. Its own choice, else the organisation's
 * value for its kind (the default of every device that chose nothing, so a later change reaches
 * them all), else the built-in default. A value out of range is skipped, never obeyed: a broken
 * setting must not leave a screen unlocked for hours.
 */
export function idleLockInForce(
  kind: DeviceKind,
  deviceChoice: number | undefined,
  organisation: Readonly<Record<DeviceKind, number>> | undefined,
): IdleLockInForce {
  if (isIdleLockSeconds(deviceChoice)) return { seconds: deviceChoice, source: 'device' }
  const organisations = organisation?.[kind]
  if (isIdleLockSeconds(organisations)) return { seconds: organisations, source: 'organisation' }
  return { seconds: defaultIdleLockSeconds[kind], source: 'built-in' }
}
