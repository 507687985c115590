import { databaseNameFor } from './remote-names'

/**
 * Issue 14 (BB-11): what a staff device says to the sync server about a member's sign-in, in the CouchDB HTTP
 * API only. The request goes to `lobby_signin` (never replicated: it holds the code's server password), the
 * server's follower makes the account and the member's database (server/provision/member-signins.js), and the
 * views go straight into that database. A member's database is written, never pulled, by staff devices: a desk
 * serving thousands of members holds no replica of theirs.
 */

export interface MemberSigninRequest {
  userId: string
  /** The server password the one-time code derives. */
  password: string
  /** The member's keyring locked under the code, and that it still waits for the member's own password. */
  keyring: { setup: 'pending'; locked: unknown }
  by: string
  at: number
  expiresAt: number
}

export type SigninOutcome = { state: 'ready' } | { state: 'refused'; reason: string } | { state: 'waiting' }

type Fetch = typeof fetch

const json = { Accept: 'application/json', 'Content-Type': 'application/json' }

/** The server's refusal as an Error carrying its HTTP status. */
export async function failure(res: Response): Promise<Error> {
  const body = (await res.json().catch(() => ({}))) as { reason?: string; error?: string }
  return Object.assign(new Error(body.reason ?? body.error ?? res.statusText), { status: res.status })
}

/** Where a request to the server's follower sits in `lobby_signin` (`member-signin:<userId>`, issue 15: `tech-realm:<userId>`). */
export const signinRequestUrl = (base: string, id: string) => `${base}${databaseNameFor('signin')}/${encodeURIComponent(id)}`
const requestUrl = (base: string, userId: string) => signinRequestUrl(base, `member-signin:${userId}`)

/** Writes (or replaces: a new code) the request for `userId`'s sign-in. */
export async function askForMemberSignin(base: string, request: MemberSigninRequest, fetchFn: Fetch = fetch): Promise<void> {
  const url = requestUrl(base, request.userId)
  const current = await fetchFn(url, { credentials: 'include', headers: json })
  const rev = current.ok ? ((await current.json()) as { _rev?: string })._rev : undefined
  if (!current.ok && current.status !== 404) throw await failure(current)
  const res = await fetchFn(url, {
    method: 'PUT',
    credentials: 'include',
    headers: json,
    body: JSON.stringify({ _id: `member-signin:${request.userId}`, type: 'member-signin', ...request, ...(rev ? { _rev: rev } : {}) }),
  })
  if (!res.ok) throw await failure(res)
}

/** Whether the server's follower took the request yet (it deletes it) or refused it; waits up to `timeoutMs`. */
export function memberSigninOutcome(base: string, userId: string, options: { timeoutMs?: number; fetchFn?: Fetch; pauseMs?: number } = {}): Promise<SigninOutcome> {
  return signinRequestOutcome(base, `member-signin:${userId}`, options)
}

/** Whether the follower took the request `id` yet (it deletes it) or refused it; waits up to `timeoutMs`. */
export async function signinRequestOutcome(base: string, id: string, { timeoutMs = 15_000, fetchFn = fetch as Fetch, pauseMs = 250 } = {}): Promise<SigninOutcome> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const res = await fetchFn(signinRequestUrl(base, id), { credentials: 'include', headers: json })
    if (res.status === 404) return { state: 'ready' }
    if (!res.ok) throw await failure(res)
    const doc = (await res.json()) as { refused?: string }
    if (doc.refused) return { state: 'refused', reason: doc.refused }
    if (Date.now() >= until) return { state: 'waiting' }
    await new Promise((resolve) => setTimeout(resolve, pauseMs))
  }
}

/**
 * Puts the views (sealed envelopes with deterministic ids) into the member's database, each over whatever revision
 * is there: views are worked out again from their sources, so the newest write is as good as any (two staff
 * devices writing one view from the same records write the same body). A conflict (written meanwhile) is tried
 * again with the newer revision; deletions remove views whose source is gone.
 */
export async function putMemberViews(
  base: string,
  realm: string,
  docs: readonly { _id: string }[],
  deletions: readonly string[] = [],
  fetchFn: Fetch = fetch,
): Promise<{ written: number }> {
  const url = `${base}${databaseNameFor(realm)}`
  let pending: { _id: string; _deleted?: true }[] = [...docs, ...deletions.map((_id) => ({ _id, _deleted: true as const }))]
  let written = 0
  for (let attempt = 0; attempt < 3 && pending.length > 0; attempt++) {
    const revs = await fetchFn(`${url}/_all_docs`, { method: 'POST', credentials: 'include', headers: json, body: JSON.stringify({ keys: pending.map((d) => d._id) }) })
    if (!revs.ok) throw await failure(revs)
    const rows = ((await revs.json()) as { rows: { key: string; value?: { rev: string; deleted?: boolean } }[] }).rows
    const revOf = new Map(rows.filter((r) => r.value && !r.value.deleted).map((r) => [r.key, r.value!.rev]))
    const batch = pending
      .filter((d) => !d._deleted || revOf.has(d._id))
      .map((d) => (revOf.has(d._id) ? { ...d, _rev: revOf.get(d._id) } : d))
    if (batch.length === 0) break
    const res = await fetchFn(`${url}/_bulk_docs`, { method: 'POST', credentials: 'include', headers: json, body: JSON.stringify({ docs: batch }) })
    if (!res.ok) throw await failure(res)
    const results = (await res.json()) as { id: string; ok?: boolean; error?: string; reason?: string }[]
    const again = new Set(results.filter((r) => r.error === 'conflict').map((r) => r.id))
    const refused = results.find((r) => r.error && r.error !== 'conflict')
    if (refused) throw Object.assign(new Error(refused.reason ?? refused.error), { status: 403 })
    written += results.filter((r) => r.ok).length
    pending = pending.filter((d) => again.has(d._id))
  }
  return { written }
}

/**
 * The member's own requests (issue 14: `self-dispute:…`, `self-objection:…`, `self-password:…`) in their database,
 * sealed as they wrote them, and the acknowledgements staff wrote of them (`self-ack:…`).
 */
export async function memberRequests(base: string, realm: string, fetchFn: Fetch = fetch): Promise<{ _id: string; [field: string]: unknown }[]> {
  const out: { _id: string; [field: string]: unknown }[] = []
  for (const type of ['self-ack', 'self-dispute', 'self-objection', 'self-password']) {
    const query = new URLSearchParams({ include_docs: 'true', startkey: JSON.stringify(`${type}:`), endkey: JSON.stringify(`${type};`) })
    const res = await fetchFn(`${base}${databaseNameFor(realm)}/_all_docs?${query}`, { credentials: 'include', headers: json })
    if (!res.ok) throw await failure(res)
    for (const row of ((await res.json()) as { rows: { doc?: { _id: string; _deleted?: boolean } }[] }).rows) if (row.doc && !row.doc._deleted) out.push(row.doc)
  }
  return out
}
