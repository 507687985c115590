import { checkServiceSettings, defaultServiceSettings, type ServiceSettingsProblem } from '@/core/service/settings-check'
import type { ServiceSettings } from '@/core/service/types'
import type { ServiceRecords } from '@/features/service/service-records'
import type { FollowupContext } from './return-visit-actions'

/** SVC-4: the organisation's service settings (`svc-settings:org`), or the defaults until a manager saves them. */
export async function serviceSettingsOf(records: ServiceRecords): Promise<ServiceSettings> {
  return (await records.settings.get()) ?? { ...defaultServiceSettings }
}

/**
 * SVC-4: a manager sets the unreachable attempts (3 … 5). Checked first (`checkServiceSettings`); the server lets
 * only managers write the singleton (access-policy.js `typeWriters`). Audited with the new number.
 */
export async function saveServiceSettings(
  ctx: Pick<FollowupContext, 'records' | 'audit' | 'userId'>,
  settings: ServiceSettings,
): Promise<{ ok: true } | { ok: false; problems: ServiceSettingsProblem[] }> {
  const problems = checkServiceSettings(settings)
  if (problems.length) return { ok: false, problems }
  const stored = await serviceSettingsOf(ctx.records)
  await ctx.records.settings.save({ ...stored, ...settings })
  await ctx.audit.append({ action: 'return-visits.settings-change', by: ctx.userId, recordId: ctx.records.settings.id, recordType: 'svc-settings', detail: String(settings.unreachableAttempts) })
  return { ok: true }
}
