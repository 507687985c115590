/** SVC-4: the service desk's settings, and what is wrong with them before a manager saves them. */
import type { FieldProblem, ServiceSettings } from './types'

/** SVC-4: "after 3 to 5 failed attempts": the range a manager may choose from, and the default. */
export const unreachableAttemptsRange = { min: 3, max: 5 } as const
export const defaultServiceSettings: ServiceSettings = { unreachableAttempts: 3 }

export type ServiceSettingsProblem = FieldProblem<'unreachableAttempts', 'out-of-range'>

/** SVC-4: every problem with the settings; empty when they may be saved. Rules trust settings that pass. */
export function checkServiceSettings(settings: ServiceSettings): ServiceSettingsProblem[] {
  const n = settings.unreachableAttempts
  const { min, max } = unreachableAttemptsRange
  return Number.isSafeInteger(n) && n >= min && n <= max ? [] : [{ field: 'unreachableAttempts', code: 'out-of-range' }]
}
