/** What the network indicator says. */
export type Reachability = 'online' | 'offline'

/**
 * Online only when the browser has a network and the sync server answered the last time it was asked.
 * `navigator.onLine` alone is not enough: on a LAN with no route to the sync server it is true, and some
 * Chromium versions keep it true under offline emulation after a reload served by the service worker.
 * Until the server has been asked once (`undefined`), the browser's word stands.
 */
export function reachability(browserOnline: boolean, serverAnswered: boolean | undefined): Reachability {
  return browserOnline && serverAnswered !== false ? 'online' : 'offline'
}

/** How often to ask the sync server: often while offline, to say "online" soon after it answers again. */
export const probeEveryMs: Record<Reachability, number> = { online: 15_000, offline: 5_000 }

/** How long one ask may take before the server counts as not answering. */
export const probeTimeoutMs = 4_000
