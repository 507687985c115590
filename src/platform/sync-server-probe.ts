/** Where the CouchDB-compatible sync server answers, on this app's own origin. */
export const syncServerPath = '/db/'

/**
 * Is the sync server reachable? Asks the CouchDB root (`GET /db/`), which both
 * the embedded server and a proxied Apache CouchDB answer with `{"couchdb": …}`.
 */
export async function probeSyncServer(signal?: AbortSignal): Promise<boolean> {
  try {
    const res = await fetch(syncServerPath, { cache: 'no-store', credentials: 'same-origin', signal })
    if (!res.ok) return false
    const body = (await res.json()) as { couchdb?: unknown }
    return typeof body.couchdb === 'string'
  } catch {
    return false
  }
}
