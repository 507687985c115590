import { defaultAgreement, defaultIdleLockSeconds } from '@/core/access/agreement'
import { firstAgreementVersion } from '@/core/organisation/agreement-version'
import { defaultOrganisationSettings } from '@/core/organisation/defaults'
import { checkPassphrase, type PassphraseProblem } from '@/core/access/passphrase-policy'
import { firstAuditKid } from '@/crypto/audit-keys'
import { randomId, toBase64Url } from '@/crypto/bytes'
import { deriveFromSecret } from '@/crypto/kdf'
import { defaultKdfCost, newKdfParams, type KdfCost } from '@/crypto/kdf-params'
import { publicJwk } from '@/crypto/certificates'
import { lockKeyring, unlockKeyring, type KeyringSecrets } from '@/crypto/keyring'
import { exportRawKey, generateIndexKey, generateRealmKey, realmKeyId } from '@/crypto/realm-keys'
import { exportUserKeyPairs, generateUserKeyPairs } from '@/crypto/user-keys'
import { loginHash } from '@/storage/sign-ins.repo'
import { keySourceFrom } from '@/storage/keyring-key-source'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { registeredFoundingSteps, type FoundingStep } from './feature-steps'
import type { Session } from './session'
import type { Bilingual } from '@/core/membership/types'
import { certifyAccount } from './trust'
import { newUserId } from './user-id'

const dataRealms = ['directory', 'desk', 'accounts', 'field'] as const

export interface NewOrganisation {
  name: string
  username: string
  passphrase: string
  agreementAccepted: boolean
  /** Issue 9 §4: the organisation's IANA zone, chosen at founding (the page offers the device's first); absent or unknown: Asia/Shanghai. */
  timeZone?: string
  /** Issue 10: the organisation's name, kept in its settings (the member card shows it); one language may wait. Absent: named later in the settings. */
  organisationName?: Bilingual
}

export type CreateOrgResult = { ok: true; session: Session } | { ok: false; problem: PassphraseProblem | 'agreement-required' | 'name-required' | 'org-name-required' | 'exists' }

/**
 * First run: mint every realm key (epoch 1), the audit key pair and the first
 * admin's keyring, locked under a key derived from their passphrase; then the
 * features' founding steps (the app registers them from its modules).
 */
export async function createOrganisation(
  storage: LobbyStorage,
  input: NewOrganisation,
  cost: KdfCost = defaultKdfCost,
  founding: readonly FoundingStep[] = registeredFoundingSteps(),
): Promise<CreateOrgResult> {
  if (input.name.trim() === '' || input.username.trim() === '') return { ok: false, problem: 'name-required' }
  const organisationName = input.organisationName && { 'zh-CN': input.organisationName['zh-CN'].trim(), en: input.organisationName.en.trim() }
  if (organisationName && organisationName['zh-CN'] === '' && organisationName.en === '') return { ok: false, problem: 'org-name-required' }
  const problem = checkPassphrase(input.passphrase, { username: input.username, name: input.name })
  if (problem) return { ok: false, problem }
  if (!input.agreementAccepted) return { ok: false, problem: 'agreement-required' }
  if (await storage.signIns.getOrg()) return { ok: false, problem: 'exists' }

  const orgId = randomId()
  const userId = newUserId()
  const realmKeys: Record<string, string> = {}
  const indexKeys: Record<string, string> = {}
  for (const realm of dataRealms) {
    realmKeys[realmKeyId(realm, 1)] = toBase64Url(await exportRawKey(await generateRealmKey()))
    indexKeys[realm] = toBase64Url(await exportRawKey(await generateIndexKey()))
  }
  const audit = await exportUserKeyPairs(await generateUserKeyPairs())
  const userKeys = await exportUserKeyPairs(await generateUserKeyPairs())
  const secrets: KeyringSecrets = { userId, userKeys, realmKeys, indexKeys, auditPrivateJwks: { [firstAuditKid]: audit.ecdh.privateJwk } }

  const kdf = newKdfParams(cost)
  const { kek, serverPassword } = await deriveFromSecret(input.passphrase, kdf)
  const locked = await lockKeyring(secrets, kek, kdf)
  const now = new Date().toISOString()

  await storage.signIns.putOrg({
    _id: 'org',
    type: 'org',
    orgId,
    createdAt: now,
    auditPublicJwk: audit.ecdh.publicJwk,
    auditKid: firstAuditKid,
    settings: { agreement: { ...defaultAgreement }, idleLockSeconds: { ...defaultIdleLockSeconds } },
    // CONF-9: the founder's signing key is the organisation's root of trust, pinned on this device now.
    root: { userId, publicJwk: publicJwk(userKeys.ecdsa.publicJwk) },
  })
  await storage.signIns.pinRoot({ orgId, userId, publicJwk: publicJwk(userKeys.ecdsa.publicJwk) })
  const login = await loginHash(orgId, input.username)
  await storage.signIns.putLogin(login, userId, kdf)
  await storage.signIns.createAccount(
    { _id: `account:${userId}`, type: 'account', userId, login, role: 'admin', status: 'active', setup: 'done', agreementAcceptedAt: now, agreementVersion: firstAgreementVersion, createdBy: userId, createdAt: now },
    { _id: `keyring:${userId}`, type: 'keyring', userId, publicKeys: { ecdh: userKeys.ecdh.publicJwk, ecdsa: userKeys.ecdsa.publicJwk }, locked },
  )
  // Issue 9 §4, issue 10: the name and zone the founder gave (the zone offered first is the founding device's).
  const settings = defaultOrganisationSettings(input.timeZone)
  await storage.orgSettings.found(organisationName ? { ...settings, name: organisationName } : settings, userId, now)
  await storage.audit.append({ action: 'org.create', by: userId })
  const keyring = await unlockKeyring(locked, kek)
  // The root certifies itself.
  await certifyAccount(storage, { userId, keyring }, { userId, role: 'admin' }, { publicKeys: { ecdh: userKeys.ecdh.publicJwk, ecdsa: userKeys.ecdsa.publicJwk } })
  const founder = storage.withKeys(keySourceFrom(keyring))
  await founder.staff.put({ userId, name: input.name.trim(), username: input.username.trim(), role: 'admin' }, `staff:${userId}`)
  const session: Session = { userId, username: input.username.trim(), role: 'admin', keyring, serverPassword, kek }
  for (const step of founding) await step({ storage: founder, session, orgId })
  await storage.audit.append({ action: 'agreement.accept', by: userId })
  await storage.audit.append({ action: 'sign-in', by: userId })
  return { ok: true, session }
}
