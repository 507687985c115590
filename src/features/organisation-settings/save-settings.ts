import { can } from '@/core/access/permissions'
import type { StaffRole } from '@/core/access/roles'
import { nextAgreementVersion } from '@/core/organisation/agreement-version'
import { checkOrganisationSettings, type OrganisationSettingsProblem } from '@/core/organisation/settings-check'
import type { OrganisationSettings } from '@/core/organisation/types'
import { acceptAgreement } from '@/identity/agreement-acceptance'
import type { LobbyStorage } from '@/storage/lobby-storage'

export type SaveOrganisationResult =
  | { ok: true; agreementVersion: number }
  | { ok: false; reason: 'not-allowed' }
  | { ok: false; reason: 'problems'; problems: { path: string; problem: OrganisationSettingsProblem }[] }

/**
 * Issue 9 §4: a manager or an admin saves the organisation settings. A changed agreement text gets the next
 * version, which every staff account accepts again at its next sign-in or unlock (CONF-8); the
 * manager who wrote it accepts it by saving. The version is never taken from the form.
 */
export async function saveOrganisationSettings(
  storage: Pick<LobbyStorage, 'signIns' | 'orgSettings' | 'audit'>,
  by: { userId: string; role: StaffRole },
  edited: OrganisationSettings,
  now = new Date(),
): Promise<SaveOrganisationResult> {
  if (!can(by.role, 'organisation.manage')) return { ok: false, reason: 'not-allowed' }
  const { settings: current } = await storage.orgSettings.read()
  const version = nextAgreementVersion(current.agreement, edited.agreement)
  const next: OrganisationSettings = { ...edited, agreement: { ...edited.agreement, version } }
  const problems = checkOrganisationSettings(next)
  if (problems.length) return { ok: false, reason: 'problems', problems }
  await storage.orgSettings.save(next, by.userId, now.toISOString())
  if (version !== current.agreement.version) await acceptAgreement(storage, by.userId, now)
  return { ok: true, agreementVersion: version }
}
