import { publicJwk, sameKey } from '@/crypto/certificates'
import type { OrgDoc, PinnedRoot } from './documents'
import type { LobbyStorage } from './lobby-storage'

/**
 * CONF-9 root of trust on this device. The founding admin's ECDSA key is the
 * root: pinned in device-local state when the organisation is founded here or
 * first seen (a join, or the first sign-in after the root existed), never
 * replaced by what the server sends later. It sits in storage, below the
 * features, because joining (sync/) checks it as well as signing in.
 */

export type RootCheck = { status: 'pinned'; root: PinnedRoot } | { status: 'no-root' } | { status: 'mismatch'; pinned: PinnedRoot }

const rootOf = (org: OrgDoc): PinnedRoot | undefined => (org.root ? { orgId: org.orgId, userId: org.root.userId, publicJwk: publicJwk(org.root.publicJwk) } : undefined)
const sameRoot = (a: PinnedRoot, b: PinnedRoot) => a.orgId === b.orgId && a.userId === b.userId && sameKey(a.publicJwk, b.publicJwk)

/**
 * Compares the organisation document on this device with the pinned root. With
 * nothing pinned yet, the organisation's root is pinned now (trust on first
 * use: the fingerprint shown on the Staff and Diagnostics pages lets people
 * compare it with the admin's).
 */
export async function checkRoot(storage: LobbyStorage): Promise<RootCheck> {
  const [org, pinned] = await Promise.all([storage.signIns.getOrg(), storage.signIns.getPinnedRoot()])
  const root = org && rootOf(org)
  if (!root) return pinned ? { status: 'mismatch', pinned } : { status: 'no-root' }
  if (!pinned) {
    await storage.signIns.pinRoot(root)
    return { status: 'pinned', root }
  }
  return sameRoot(root, pinned) ? { status: 'pinned', root: pinned } : { status: 'mismatch', pinned }
}
