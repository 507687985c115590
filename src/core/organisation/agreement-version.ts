/** The version of the agreement text an organisation founded before versions holds, and an account accepted at first sign-in then. */
export const firstAgreementVersion = 1

/**
 * CONF-8: must this account accept the agreement (again) before it works? Yes when it never accepted
 * one, or accepted an older version than the organisation's current text. An acceptance recorded
 * before versions existed (`acceptedAt` without `acceptedVersion`) counts as the first version.
 */
export function agreementDue(account: { agreementAcceptedAt?: string; agreementVersion?: number }, currentVersion: number): boolean {
  if (!account.agreementAcceptedAt) return true
  return (account.agreementVersion ?? firstAgreementVersion) < currentVersion
}

/** CONF-8: the version a save gives the agreement: the same when its text did not change, the next otherwise. */
export function nextAgreementVersion(saved: { version: number; 'zh-CN': string; en: string }, edited: { 'zh-CN': string; en: string }): number {
  const changed = saved['zh-CN'].trim() !== edited['zh-CN'].trim() || saved.en.trim() !== edited.en.trim()
  return changed ? saved.version + 1 : saved.version
}
