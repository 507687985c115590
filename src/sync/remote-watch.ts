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
  /**
   * Other databases to watch for now, asked before each poll: REC-3, the org database while this device waits for
   * an acknowledgement of a notice it sent; issue 15, every technician's database a lead's or manager's device
   * replicates (`techniciansWatched`). While there are any, the feed takes them and `url` in turn with short polls:
   * still one request at a time.
   */
  also?: () => Promise<string | readonly string[] | undefined>
  /**
   * While the feed takes turns, a change in any database it watches is seen within about this (default 3 s): each
   * poll lasts this divided by the number of the others, never less than `minTurnMs` (default 500 ms).
   */
  sharedPollMs?: number
  minTurnMs?: number
  /** Receives a function that ends the poll under way, so the feed asks `also` again at once (a notice just went out). */
  interrupt?: (endPoll: () => void) => void
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
 *
 * REC-3, issue 15: while `also` names other databases, the same feed takes turns between them and `url`, each
 * poll ended by the client after its share of `sharedPollMs`, so a change in any is seen within about that. The
 * first time it watches another, one round follows at once: a change between the last round and that first poll
 * would otherwise wait for the next 30-second round. One of them that cannot be read (not made yet, refused) rests
 * for `retryMs` while the others are still watched; only `url`'s failure (offline) pauses the feed.
 */
export async function watchRemote(o: RemoteWatchOptions): Promise<void> {
  const pollMs = o.pollMs ?? 25_000
  const retryMs = o.retryMs ?? 30_000
  const sharedPollMs = o.sharedPollMs ?? 3_000
  const minTurnMs = o.minTurnMs ?? 500
  const since = new Map<string, string | number>()
  const resting = new Map<string, number>()
  let turn = 0
  let poll: AbortController | undefined
  o.interrupt?.(() => poll?.abort())
  while (!o.signal.aborted) {
    const extra = [(await o.also?.().catch(() => undefined)) ?? []].flat()
    const others = [...new Set(extra)].filter((u) => u !== o.url && !((resting.get(u) ?? 0) > Date.now()))
    const urls = [o.url, ...others]
    const url = urls[turn++ % urls.length]!
    const shared = urls.length > 1
    const turnMs = shared ? Math.max(minTurnMs, Math.round(sharedPollMs / others.length)) : pollMs
    poll = new AbortController()
    const current = poll
    const stop = () => current.abort()
    o.signal.addEventListener('abort', stop)
    const timer = setTimeout(stop, shared ? turnMs : pollMs + 5_000)
    try {
      if (!since.has(url)) {
        since.set(url, (await json(o.fetch(url, { signal: current.signal }))).update_seq as string | number)
        if (url !== o.url) o.onChange()
      }
      const query = `feed=longpoll&timeout=${turnMs}&limit=1&since=${encodeURIComponent(String(since.get(url)))}`
      const body = await json(o.fetch(`${url}/_changes?${query}`, { signal: current.signal }))
      since.set(url, body.last_seq as string | number)
      if (Array.isArray(body.results) && body.results.length > 0) o.onChange()
    } catch {
      // Our own time limit (or an interrupt) ended the poll: ask again at once. Another database that failed rests
      // while the rest are watched; the device's own failing (offline, signed out): wait, then start over.
      if (!o.signal.aborted && !current.signal.aborted) {
        if (url !== o.url) resting.set(url, Date.now() + retryMs)
        else await pause(retryMs, o.signal)
      }
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

/**
 * The database a device watches: the desk's where it holds the desk realm; a technician's own (`tech:<userId>`,
 * issue 15 §4: a job dispatched to them reaches the phone in seconds; they hold no shared realm at all); else the
 * organisation's (REC-3: its holder's notices must reach them in seconds). Its other databases come with each round,
 * so a notice to a technician waits for the next (at most 30 s; at once while one they sent awaits its
 * acknowledgement, when the feed takes turns with the organisation's).
 */
export function watchedChannel(channels: Channel[], userId?: string): Channel | undefined {
  const own = userId === undefined ? undefined : channels.find((c) => c.realm === `tech:${userId}` && c.pull)
  return channels.find((c) => c.realm === 'desk') ?? own ?? noticesChannel(channels)
}

/**
 * Issue 15: the other databases a lead's or manager's device watches: every technician's it replicates (never a
 * device's own), so a job finished on a phone is taken in and on the lead's screen in seconds, not at the next round.
 */
export function techniciansWatched(channels: Channel[], userId?: string): Channel[] {
  return channels.filter((c) => c.pull && c.realm?.startsWith('tech:') && c.realm !== `tech:${userId}`)
}

/** The channel that pulls notices and their acknowledgements (`lobby_org`). */
export function noticesChannel(channels: Channel[]): Channel | undefined {
  return channels.find((c) => c.pull && c.tables.includes('notices'))
}
