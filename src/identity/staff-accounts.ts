import { can } from '@/core/access/permissions'
import { checkDepartment } from '@/core/access/staff-department'
import { mayCertify } from '@/core/access/trust-rules'
import { readsAudit, realmsByRole, type StaffRole } from '@/core/access/roles'
import { receivesTechKeys, techRealm } from '@/core/access/tech-realms'
import { newUserId } from './user-id'
import { deriveFromSecret } from '@/crypto/kdf'
import { defaultKdfCost, newKdfParams, type KdfCost } from '@/crypto/kdf-params'
import { auditJwksOf, lockKeyring, type KeyringSecrets } from '@/crypto/keyring'
import { parseIndexKeyId } from '@/crypto/index-keys'
import { parseRealmKeyId } from '@/crypto/realm-keys'
import { exportUserKeyPairs, generateUserKeyPairs } from '@/crypto/user-keys'
import { DuplicateLoginError, loginHash } from '@/storage/sign-ins.repo'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { PermissionError, type Session } from './session'
import { newSetupCode, normaliseSetupCode } from './setup-code'
import { grantNewTechRealm, newTechRealmKeys, techKeyringEntries, techRealmsToHandOn } from './tech-realms'
import { certifyAccount } from './trust'

export interface NewStaff {
  name: string
  username: string
  role: StaffRole
  /** REC-1: the department a host works in (optional), by which the reception desk finds them. */
  department?: string
}

export type CreateStaffResult =
  /** `techRealm`: a technician's own realm, whose database the server is then asked for (sync/tech-realms.ts). */
  | { ok: true; userId: string; setupCode: string; serverPassword: string; techRealm?: string }
  | { ok: false; problem: 'name-required' | 'username-taken' | 'department-too-long' }

/**
 * CONF-3: an admin creates a staff account holding exactly the realm keys its
 * role needs (every epoch, so older records stay readable), locked under a
 * one-time setup code the new user replaces with their own passphrase.
 * Issue 15 §3: a technician's keyring holds their own realm's new key and no
 * shared realm's; every other holder receives it by a signed grant
 * (tech-realms.ts). A new lead, manager or admin is handed every technician's
 * key the creator holds, but a departed technician's.
 */
export async function createStaff(storage: LobbyStorage, session: Session, input: NewStaff, cost: KdfCost = defaultKdfCost): Promise<CreateStaffResult> {
  if (!can(session.role, 'staff.manage')) throw new PermissionError('staff.manage')
  // CONF-9: a manager's certificate of an admin would not count anywhere (core/access/trust-rules.ts).
  if (!mayCertify(session.role, input.role)) throw new PermissionError('staff.manage')
  if (input.name.trim() === '' || input.username.trim() === '') return { ok: false, problem: 'name-required' }
  const department = checkDepartment(input.department ?? '')
  if (!department.ok) return department
  const org = await storage.signIns.getOrg()
  if (!org) throw new Error('No organisation on this device')
  const login = await loginHash(org.orgId, input.username)
  if (await storage.signIns.findAccountByLogin(login)) return { ok: false, problem: 'username-taken' }

  const held = session.keyring.secrets
  const realms = new Set<string>(realmsByRole[input.role])
  if (receivesTechKeys(input.role)) for (const realm of await techRealmsToHandOn(storage, held)) realms.add(realm)
  const userId = newUserId()
  const techKeys = input.role === 'technician' ? await newTechRealmKeys(userId) : undefined
  const own = techKeys ? techKeyringEntries(techKeys) : { realmKeys: {}, indexKeys: {} }
  const userKeys = await exportUserKeyPairs(await generateUserKeyPairs())
  const secrets: KeyringSecrets = {
    userId,
    userKeys,
    realmKeys: { ...Object.fromEntries(Object.entries(held.realmKeys).filter(([kid]) => realms.has(parseRealmKeyId(kid).realm))), ...own.realmKeys },
    indexKeys: { ...Object.fromEntries(Object.entries(held.indexKeys).filter(([id]) => realms.has(parseIndexKeyId(id).realm))), ...own.indexKeys },
  }
  // Every audit key held (CONF-9: older ones read older entries).
  const auditJwks = auditJwksOf(held)
  if (readsAudit(input.role) && Object.keys(auditJwks).length > 0) secrets.auditPrivateJwks = auditJwks

  const setupCode = newSetupCode()
  const kdf = newKdfParams(cost)
  const { kek, serverPassword } = await deriveFromSecret(normaliseSetupCode(setupCode), kdf)
  const now = new Date().toISOString()
  const publicKeys = { ecdh: userKeys.ecdh.publicJwk, ecdsa: userKeys.ecdsa.publicJwk }
  try {
    await storage.signIns.createAccount(
      { _id: `account:${userId}`, type: 'account', userId, login, role: input.role, status: 'active', setup: 'pending', createdBy: session.userId, createdAt: now },
      { _id: `keyring:${userId}`, type: 'keyring', userId, publicKeys, locked: await lockKeyring(secrets, kek, kdf) },
    )
  } catch (e) {
    if (e instanceof DuplicateLoginError) return { ok: false, problem: 'username-taken' }
    throw e
  }
  // CONF-9: the creator vouches for the new account's public keys (their own certificate leads to the root).
  await certifyAccount(storage, session, { userId, role: input.role }, { publicKeys })
  await storage.signIns.putLogin(login, userId, kdf)
  const profile = { userId, name: input.name.trim(), username: input.username.trim(), role: input.role }
  await storage.staff.put(department.department ? { ...profile, department: department.department } : profile, `staff:${userId}`)
  await storage.audit.append({ action: 'staff.create', by: session.userId, recordId: `account:${userId}`, recordType: 'account', detail: input.role })
  await storage.audit.append({ action: 'grant', by: session.userId, recordId: `keyring:${userId}`, recordType: 'keyring', detail: Object.keys(secrets.realmKeys).join(',') })
  // After the certificate: the grants go to certified keys, and the technician's own is theirs from the start.
  if (techKeys) await grantNewTechRealm(storage, session, userId, techKeys)
  return { ok: true, userId, setupCode, serverPassword, ...(techKeys ? { techRealm: techRealm(userId) } : {}) }
}
