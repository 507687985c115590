import type { Channel } from './channels'

export interface RemoteWatchOptions {
  /** The database's URL on the server, e.g. `https://desk.example/db/lobby_desk`. */
  url: string
  fetch: typeof fetch
  /** Called when the server reports a change since the last report. */
  onChange: () => void
  signal: AbortSignal
  /** How long one long poll waits (the server's `timeout`; the client gives up a little after). */
  pollMs?: number
  /** After a failure (offline, refused), how long to wait before trying again. */
  retryMs?: number
}

/**
 * Between sync rounds, one long-poll feed on the server database this device
 * works in most says when something changed there, so another tablet's
 * check-in shows here in seconds rather than at the next 30-second round. One
 * feed only: with one replication request at a time, a device holds at most
 * two connections to the server (ARCHITECTURE.md "Sync"). The feed carries
 * ids and revisions only; the round that follows fetches and checks the
 * documents. The client ends each poll itself too: the embedded server does
 * not honour `timeout`, and proxies drop idle connections.
 */
export async function watchRemote(o: RemoteWatchOptions): Promise<void> {
  const pollMs = o.pollMs ?? 25_000
  const retryMs = o.retryMs ?? 30_000
  let since: string | number | undefined
  while (!o.signal.aborted) {
    const poll = new AbortController()
    const stop = () => poll.abort()
    o.signal.addEventListener('abort', stop)
    const timer = setTimeout(stop, pollMs + 5_000)
    try {
      if (since === undefined) since = (await json(o.fetch(o.url, { signal: poll.signal }))).update_seq as string | number
      const query = `feed=longpoll&timeout=${pollMs}&limit=1&since=${encodeURIComponent(String(since))}`
      const body = await json(o.fetch(`${o.url}/_changes?${query}`, { signal: poll.signal }))
      since = body.last_seq as string | number
      if (Array.isArray(body.results) && body.results.length > 0) o.onChange()
    } catch {
      // Our own time limit ended the poll: ask again at once. Anything else: wait, then start over.
      if (!o.signal.aborted && !poll.signal.aborted) await pause(retryMs, o.signal)
    } finally {
      clearTimeout(timer)
      o.signal.removeEventListener('abort', stop)
    }
  }
}

async function json(response: Promise<Response>): Promise<Record<string, unknown>> {
  const res = await response
  if (!res.ok) throw Object.assign(new Error(`${res.status}`), { status: res.status })
  return (await res.json()) as Record<string, unknown>
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
  })
}

/** The database a device watches: the desk's where it holds the desk realm, else its first data realm. */
export function watchedChannel(channels: Channel[]): Channel | undefined {
  const realms = channels.filter((c) => c.realm)
  return realms.find((c) => c.realm === 'desk') ?? realms[0]
}
