/** REC-2, REC-3, REC-7: what is wrong with reception settings a manager is about to save. */
import type { ReceptionSettings } from './types'

export type ReceptionSettingsProblemKind = string

/** One problem, at the dotted path of the field the form should highlight (`categories.3.place`). */
export interface ReceptionSettingsProblem {
  path: string
  problem: ReceptionSettingsProblemKind
}

export function checkReceptionSettings(s: ReceptionSettings): ReceptionSettingsProblem[] {
  void s
  throw new Error('not built yet')
}
