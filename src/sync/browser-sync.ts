import { liveQuery } from 'dexie'
import { replicatedRealms } from '@/core/access/realm-access'
import { readsAudit, type StaffRole } from '@/core/access/roles'
import { currentSessionKeys, storage } from '@/storage/session-keys'
import { channelsFor, type Channel } from './channels'
import { refusalDetail } from './departure-server'
import { destroyLegacyReplicas, drainLegacyReplicas, legacyReplicaNames } from './legacy-replicas'
import { loadBrowserPouch } from './pouch-port'
import { nextRound } from './round-schedule'
import { serverLogin } from './server-session'
import { createSyncEngine, type SyncEngine } from './sync-engine'
import { noticesChannel, techniciansWatched, watchedChannel, watchRemote } from './remote-watch'
import type { SyncStatus } from './sync-status'

export const serverBase = new URL('/db/', location.origin).href
const lockName = 'lobby-sync'
/** A local write goes out this soon after it lands, so a burst of edits travels in one round. */
const writeDelayMs = 400

export interface BrowserSyncOptions {
  userId: string
  role: StaffRole
  serverPassword?: string
  onStatus: (s: SyncStatus & { leader: boolean }) => void
  /** Called after each database's changes are applied (CONF-9: take in key grants before the realms). */
  afterChannel?: (channel: Channel) => Promise<void>
}

/**
 * Runs sync for the signed-in user in this tab, if this tab holds the device's
 * sync lock (one tab replicates; the others see its results through Dexie).
 * Rounds run every 30 s, every 3 s while local changes wait, moments after a
 * local write (in any tab: Dexie's live queries cross tabs), at once when the
 * network comes back, and while the server cannot be reached, on a backoff
 * capped at 20 s (round-schedule.ts): the browser says nothing when a LAN
 * server comes back. Returns a stop function (lock, sign-out).
 */
export function startBrowserSync(options: BrowserSyncOptions): { stop: () => void; now: () => void } {
  let stopped = false
  let wake: (() => void) | undefined
  // Asked for during a round: run another as soon as this one ends (it may have passed the change by).
  let again = false
  const now = () => {
    again = true
    wake?.()
  }
  const onOnline = () => now()
  window.addEventListener('online', onOnline)

  async function loop(): Promise<void> {
    const Pouch = await loadBrowserPouch()
    await storage.claimDevice(options.userId)
    const port = storage.syncPort
    // Issue 15: the technicians' databases this user reads follow the keys held, so a grant taken in during a round
    // (after lobby_org) adds its database from the next round on.
    const actor = { role: options.role, userId: options.userId }
    const channelsNow = (): Channel[] =>
      channelsFor(replicatedRealms(actor, currentSessionKeys()?.realms?.() ?? []), readsAudit(options.role), undefined, options.userId)
    const engine: SyncEngine = createSyncEngine({
      db: port.db,
      Pouch,
      remoteBase: serverBase,
      remoteFetch: (url, init) => fetch(url, { ...init, credentials: 'include' }),
      keys: currentSessionKeys,
      channels: channelsNow,
      cursors: port.cursors,
      quarantine: port.quarantine,
      onMerged: port.onMerged,
      onTampered: port.onTampered,
      observeClock: port.observeClock,
      onStatus: (s) => options.onStatus({ ...s, leader: true }),
      afterChannel: async (ch) => {
        // CONF-6: a reader of the log keeps the newest signed head of each device as soon as it arrives.
        if (ch.pull && ch.tables.includes('audit')) await storage.audit.rememberHeads()
        // REC-3: this user's notices handed to replication before this push are on the server now.
        if (ch.push && !ch.pull && ch.tables.includes('notices')) await storage.notices.notePushed()
        await options.afterChannel?.(ch)
      },
    })
    let signedIn = false
    let inRound = false
    // Replicas kept by this device before issue 13: their unpushed rows go to the server once it is reached.
    let legacy = await legacyReplicaNames()
    // The pending count is live: a write shows as waiting at once, and wakes the loop.
    const watchPending = liveQuery(() => engine.pendingCount()).subscribe({
      next: (pending) => {
        if (inRound || stopped || pending === engine.status().pending) return
        options.onStatus({ ...engine.status(), pending, leader: true })
        if (pending > 0) setTimeout(now, writeDelayMs)
      },
      error: () => undefined, // the next round counts again
    })
    // Between rounds, one long poll says when another device changed the realm this one works in most.
    // REC-3: while a notice this device sent waits for its acknowledgement, the same feed takes turns with the
    // organisation's database, so the acknowledgement shows in seconds; `endPoll` starts that at once after a round.
    const watching = new AbortController()
    let watchStarted = false
    let endPoll: (() => void) | undefined
    let awaiting = false
    // Issue 15: a lead's or manager's device watches every technician's database it replicates too, taking turns
    // (the keys held, asked before each poll: a grant taken in adds its technician), so a job finished on a phone is
    // taken in (the service office's after-sync work) and on the lead's screen in seconds.
    const watch = () => {
      if (watchStarted) return
      const held = channelsNow()
      const channel = watchedChannel(held, options.userId)
      const org = noticesChannel(held)
      if (!channel) return
      watchStarted = true
      const others = async () => {
        const urls = techniciansWatched(channelsNow(), options.userId).map((c) => `${serverBase}${c.database}`)
        if (org && org !== channel && (await storage.notices.awaitingAck())) urls.push(`${serverBase}${org.database}`)
        return urls
      }
      void watchRemote({
        url: `${serverBase}${channel.database}`,
        fetch: (url, init) => fetch(url, { ...init, credentials: 'include' }),
        onChange: now,
        signal: watching.signal,
        also: others,
        interrupt: (end) => (endPoll = end),
      })
    }
    const followAcks = async () => {
      const was = awaiting
      awaiting = await storage.notices.awaitingAck().catch(() => false)
      if (awaiting && !was) endPoll?.()
    }
    // Rounds in a row that did not reach the server: the backoff's step.
    let unreachable = 0
    try {
      while (!stopped) {
        // Not signed in to the server (not connected yet, offline, password changed): try again each round.
        let reached = true
        if (!signedIn) {
          const login = await signInToServer()
          signedIn = login.ok
          reached = login.reached
        }
        let pending = 0
        again = false
        if (signedIn) {
          inRound = true
          const status = await engine.runOnce().finally(() => (inRound = false))
          if (status.error === 'unauthorized') signedIn = false
          // A server that answers with an error other than a refusal (a proxy's 502 while it restarts) is not reached either.
          reached = status.error !== 'network' && status.error !== 'server'
          pending = status.pending
          if (status.state === 'idle') {
            if (legacy.length) legacy = await drainLegacyReplicas(Pouch, engine.remote, legacy)
            watch()
            await followAcks()
            // CONF-10: revoking any device of this profile (its own, or one of its users') wipes it.
            if (await storage.devices.isRevoked(...(await storage.localDeviceIds()))) {
              await destroyLegacyReplicas(Pouch, legacy)
              await storage.wipeDevice()
              options.onStatus({ state: 'revoked', pending: 0, leader: true })
              return
            }
            await noteSeen()
          }
        }
        const next = nextRound({ reached, pending }, unreachable)
        unreachable = next.unreachable
        if (again) continue
        await new Promise<void>((resolve) => {
          wake = resolve
          setTimeout(resolve, next.delayMs)
        })
        wake = undefined
      }
    } finally {
      watching.abort()
      watchPending.unsubscribe()
      await engine.close()
    }
  }

  let lastSeenNote = 0
  /** CONF-10: at most hourly, the audit log records that this user synced from this device, and with which server. */
  async function noteSeen(): Promise<void> {
    if (Date.now() - lastSeenNote < 3_600_000) return
    lastSeenNote = Date.now()
    await storage.audit.append({ action: 'sync', by: options.userId, detail: serverBase })
  }

  /** `reached`: the server answered, whether or not it let this user in. */
  async function signInToServer(): Promise<{ ok: boolean; reached: boolean }> {
    if (!options.serverPassword) {
      options.onStatus({ state: 'error', error: 'unauthorized', detail: 'passphrase-needed', pending: 0, leader: true })
      return { ok: false, reached: true }
    }
    const result = await serverLogin(serverBase, options.userId, options.serverPassword)
    if (result.ok) return { ok: true, reached: true }
    // CONF-9: a deactivated account's pre-login document is withdrawn, which tells it from a wrong password.
    const detail = result.status === 401 ? await refusalDetail(serverBase, (await storage.signIns.getAccount(options.userId))?.login, result.reason) : result.reason
    options.onStatus({ state: result.status === 0 ? 'offline' : 'error', error: result.status === 0 ? 'network' : 'unauthorized', detail, pending: 0, leader: true })
    return { ok: false, reached: result.status !== 0 && result.status < 500 }
  }

  if ('locks' in navigator) {
    void navigator.locks.request(lockName, { mode: 'exclusive' }, async () => {
      if (!stopped) await loop()
    })
    void navigator.locks.query().then((q) => {
      if (q.held?.some((l) => l.name === lockName)) options.onStatus({ state: 'idle', pending: 0, leader: false })
    })
  } else void loop()

  return {
    now,
    stop() {
      stopped = true
      window.removeEventListener('online', onOnline)
      now()
    },
  }
}

