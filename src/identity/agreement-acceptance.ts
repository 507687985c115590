import { agreementDue } from '@/core/organisation/agreement-version'
import type { LobbyStorage } from '@/storage/lobby-storage'

/** CONF-8: must `userId` accept the organisation's current agreement before reaching their work? */
export async function agreementDueFor(storage: Pick<LobbyStorage, 'signIns' | 'orgSettings'>, userId: string): Promise<boolean> {
  const [account, { settings }] = await Promise.all([storage.signIns.getAccount(userId), storage.orgSettings.read()])
  return account !== undefined && agreementDue(account, settings.agreement.version)
}

/**
 * CONF-8: records that `userId` accepted the current agreement, on their own account document (the
 * server lets its owner change it, all but who they are and what they may do) and in the audit log.
 */
export async function acceptAgreement(storage: Pick<LobbyStorage, 'signIns' | 'orgSettings' | 'audit'>, userId: string, now = new Date()): Promise<void> {
  const [account, { settings }] = await Promise.all([storage.signIns.getAccount(userId), storage.orgSettings.read()])
  if (!account) throw new Error('No account to record the acceptance on')
  const version = settings.agreement.version
  await storage.signIns.putAccount({ ...account, agreementAcceptedAt: now.toISOString(), agreementVersion: version })
  await storage.audit.append({ action: 'agreement.accept', by: userId, recordId: account._id, recordType: 'account', detail: `v${version}` })
}
