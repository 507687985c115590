import { utf8 } from '@/crypto/bytes'
import { checkKdfParams, defaultKdfCost, type KdfCost, type KdfParams } from '@/crypto/kdf-params'
import { sha256 } from '@/crypto/signature'
import { normaliseLogin } from '@/storage/sign-ins.repo'

/**
 * Issue 14 (BB-11): a member's phone knows nothing but the organisation (public) and what the member types, so
 * their server name and their Argon2id salt are worked out from those alone, with no pre-login document to
 * fetch: nothing about members is listed anywhere a stranger or another member can read. The same name gives the
 * same id, so a new code for a forgotten password reaches the same account and database. (The server's follower
 * takes only ids of this shape: server/provision/member-signins.js `MEMBER_USER_ID`.)
 */
export async function memberUserId(orgId: string, signInName: string): Promise<string> {
  return `m-${(await sha256(utf8(`lobby-member|${orgId}|${normaliseLogin(signInName)}`))).slice(0, 22)}`
}

/**
 * The member's Argon2id parameters: the salt is the organisation's and the member's own (so no two members, in
 * this or another organisation, share one); it stays the same when the password changes, which costs an attacker
 * nothing they did not have (the salt was never secret) and spares the phone a lookup before sign-in.
 */
export async function memberKdfParams(orgId: string, userId: string, cost: KdfCost = defaultKdfCost): Promise<KdfParams> {
  const salt = await sha256(utf8(`lobby-member-kdf|${orgId}|${userId}`))
  return checkKdfParams({ alg: 'argon2id', ...cost, salt })
}

/** The personal realm of a member's sign-in. */
export const memberRealm = (userId: string): string => `member:${userId}`
