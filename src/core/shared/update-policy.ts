/** What kind of device this is, as far as updates and idle lock care. */
export type DeviceKind = 'personal' | 'frontdesk'

export interface UpdateSituation {
  deviceKind: DeviceKind
  updateWaiting: boolean
  idle: boolean
  hasUnsavedWork: boolean
}

/**
 * A shared front-desk tablet may apply a waiting update on its own, but only
 * when nobody is using it and nothing typed would be lost by the reload.
 * Personal devices always ask: their user decides when to reload.
 */
export function shouldApplyUpdateUnasked(s: UpdateSituation): boolean {
  return s.deviceKind === 'frontdesk' && s.updateWaiting && s.idle && !s.hasUnsavedWork
}
