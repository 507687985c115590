import { databaseNameFor } from './remote-names'

/** What the sync server said to a claim on a key epoch: ours, someone else's, or no answer (offline). */
export type EpochClaim = 'claimed' | 'taken' | 'unreachable'

/** Who claims an epoch: the signed-in user, on this browser profile (`storage.deviceIdentity()`). */
export interface EpochClaimant {
  by: string
  device: string
}

/** Claims one epoch (`desk:3`, `audit:2`, `card-key:2`) before a rotation mints its key. */
export type ClaimEpoch = (kid: string) => Promise<EpochClaim>

/**
 * CONF-9, issue 9 §5: claims epoch `kid` (`desk:3`, `audit:2`, `card-key:2`) of a key
 * with a plain PUT of `epoch:<kid>` to `lobby_org`, before the rotation mints
 * the key. Not replicated: replication would store a rival claim as a conflict,
 * while a plain PUT of an id the server holds is refused, so the first
 * rotation to reach the server keeps the epoch and any other learns it lost.
 * A claim already ours (a rotation interrupted after claiming) is ours still;
 * ours means this user on this device: the same manager on a second tablet
 * would mint a different key under the same id.
 */
export async function claimEpochOnServer(base: string, kid: string, claimant: EpochClaimant, fetchFn: typeof fetch = fetch): Promise<EpochClaim> {
  const url = `${base}${databaseNameFor('org')}/${encodeURIComponent(`epoch:${kid}`)}`
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' }
  const { by, device } = claimant
  try {
    const res = await fetchFn(url, { method: 'PUT', headers, credentials: 'include', body: JSON.stringify({ type: 'epoch', kid, by, device, createdAt: new Date().toISOString() }) })
    if (res.ok) return 'claimed'
    // CouchDB answers a second PUT with 409; express-pouchdb's validation may refuse it first (403, a
    // claim is never changed). Either way the claim the server holds says whose the epoch is.
    if (res.status !== 409 && res.status !== 403) return 'unreachable'
    const held = await fetchFn(url, { credentials: 'include', headers })
    if (!held.ok) return 'unreachable'
    return heldBy((await held.json()) as { by?: unknown; device?: unknown }, claimant) ? 'claimed' : 'taken'
  } catch {
    return 'unreachable' // offline: the rotation waits for the server
  }
}

/**
 * Whether the claim the server holds is this claimant's. A claim from before claims named their
 * device (no `device`) is its user's: the rotation that wrote it may have stopped before minting,
 * and nobody else could ever finish that epoch.
 */
function heldBy(held: { by?: unknown; device?: unknown }, claimant: EpochClaimant): boolean {
  return held.by === claimant.by && (held.device === undefined || held.device === claimant.device)
}

/**
 * Issue 9 §5: a claim the server cannot take. When this device has never synced its organisation's
 * documents (an organisation not connected to a sync server yet), no other device can hold its keys:
 * the epoch is this device's own, and the departure rotates at once instead of waiting forever.
 */
export async function claimOrOwn(verdict: EpochClaim, everSynced: () => Promise<boolean>): Promise<EpochClaim> {
  return verdict === 'unreachable' && !(await everSynced()) ? 'claimed' : verdict
}
