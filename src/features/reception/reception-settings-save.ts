import { defaultReceptionSettings } from '@/core/reception/defaults'
import type { ReceptionSettingsProblem } from '@/core/reception/settings-check'
import type { ReceptionSettings } from '@/core/reception/types'
import type { PlatformAuditAction } from '@/storage/audit-events'
import type { ReceptionAuditAction } from './reception.audit'
import type { ReceptionRecords } from './reception-records'
import { changedParts, draftProblems, type ReceptionSettingsDraft } from './reception-settings-draft'

/** Who saves, and where: passed in so the save is testable on a test storage. */
export interface SettingsSaveContext {
  records: Pick<ReceptionRecords, 'settings'>
  audit: { append: (event: { action: PlatformAuditAction | ReceptionAuditAction; by: string; recordId?: string; recordType?: string; detail?: string }) => Promise<unknown> }
  userId: string
}

export type SettingsSaveResult =
  | { outcome: 'saved'; settings: ReceptionSettings }
  | { outcome: 'problems'; problems: ReceptionSettingsProblem[] }
  | { outcome: 'unchanged' }
  | { outcome: 'conflict' }

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * REC-2, REC-3, REC-7: saves a manager's draft as one write of the settings singleton, or nothing at all: not
 * with any problem, and not over settings another manager saved since the form opened (`opened`: what was
 * stored then, undefined when nothing was) unless asked to overwrite. Audited with the parts changed (CONF-6).
 */
export async function saveReceptionSettings(
  ctx: SettingsSaveContext,
  opened: ReceptionSettings | undefined,
  draft: ReceptionSettingsDraft,
  options: { overwrite?: boolean } = {},
): Promise<SettingsSaveResult> {
  const { settings, problems } = draftProblems(draft)
  if (problems.length) return { outcome: 'problems', problems }
  const latest = await ctx.records.settings.get()
  if (!options.overwrite && !same(latest, opened)) return { outcome: 'conflict' }
  // Nothing stored yet (a device before the first-open hook ran): even the defaults unchanged are worth storing.
  const parts = changedParts(latest ?? defaultReceptionSettings(), settings)
  if (latest && parts.length === 0) return { outcome: 'unchanged' }
  await ctx.records.settings.save(settings)
  await ctx.audit.append({ action: 'reception.settings-change', by: ctx.userId, recordId: ctx.records.settings.id, recordType: 'reception-settings', detail: parts.join(',') || 'defaults' })
  return { outcome: 'saved', settings }
}
