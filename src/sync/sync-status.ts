import type { SyncProgress } from '@/core/sync/progress'

/** What the sync status indicator shows: always visible, in words (ARCHITECTURE.md "Sync"). */
export interface SyncStatus {
  state: 'idle' | 'syncing' | 'offline' | 'error' | 'signed-out' | 'revoked'
  /** Local changes not yet accepted by the server. */
  pending: number
  /** ISO time of the last round that reached the server in both directions. */
  lastSuccess?: string
  /** Why the last round failed, as a code the UI words: 'unauthorized', 'forbidden', 'network', 'server'. */
  error?: 'unauthorized' | 'forbidden' | 'network' | 'server'
  detail?: string
  /** While a database is pulled for the first time (issue 13): how far it has got. */
  progress?: SyncProgress
}

export function classifyError(e: unknown): Pick<SyncStatus, 'error' | 'detail'> {
  const status = (e as { status?: number })?.status
  const detail = e instanceof Error ? e.message : typeof e === 'object' && e && 'reason' in e ? String((e as { reason: unknown }).reason) : String(e)
  if (status === 401) return { error: 'unauthorized', detail }
  if (status === 403) return { error: 'forbidden', detail }
  if (status === undefined || status === 0) return { error: 'network', detail }
  return { error: 'server', detail }
}

/** The pending count stops here ("1,000+ changes waiting"): see `pendingCount` in sync-engine.ts. */
export const pendingCountCap = 1_000
