/**
 * Sizes for the initial-sync benches (issue 13: "storage on the device per synced document at most 1.3× its size on
 * the server"): each database's documents on the server as JSON, by type, and how the device's bytes of one kind of
 * document are derived from `navigator.storage.estimate()`.
 */

/** Documents and their JSON bytes. */
export interface Sized {
  docs: number
  bytes: number
}

export interface DatabaseSize extends Sized {
  database: string
  /** By the envelope's clear `type` (`person`, `bb-ledger`, …). */
  byType: Record<string, Sized>
  /** The device's IndexedDB bytes this database added while it was pulled (see `deviceBytesOfKind`); absent when unknown. */
  device?: number
  /** The same documents stored as the development server stores them on disk (server-disk.ts), bytes. */
  disk?: number
}

/** Each database's documents on the server (design documents left out), read a page at a time. */
export async function serverSizes(base: string, auth: string, databases: readonly string[]): Promise<DatabaseSize[]> {
  const sizes: DatabaseSize[] = []
  const page = 5_000
  for (const database of databases) {
    const size: DatabaseSize = { database, docs: 0, bytes: 0, byType: {} }
    for (let after: string | undefined; ; ) {
      const from = after === undefined ? '' : `&startkey=${encodeURIComponent(JSON.stringify(after))}&skip=1`
      const res = await fetch(`${base}${database}/_all_docs?include_docs=true&limit=${page}${from}`, { headers: { Authorization: auth } })
      const { rows } = (await res.json()) as { rows: { id: string; doc: { type?: string } }[] }
      for (const { id, doc } of rows) {
        if (id.startsWith('_design/')) continue
        const bytes = new TextEncoder().encode(JSON.stringify(doc)).length
        const type = (size.byType[doc.type ?? '?'] ??= { docs: 0, bytes: 0 })
        type.docs++
        type.bytes += bytes
        size.docs++
        size.bytes += bytes
      }
      if (rows.length < page) break
      after = rows.at(-1)!.id
    }
    sizes.push(size)
  }
  return sizes
}

/**
 * The device's bytes per document of `type`, which lives in `database`, against its JSON size on the server.
 *
 * How: a device pulls its databases one after another (sync-engine.ts), and the bench reads
 * `navigator.storage.estimate()` (its IndexedDB part) each time the engine measures `apply <database>`
 * (`devicePerDatabase`). The reading after a database's last apply less the reading after the previous database's is
 * what pulling that database added on the device: its local replica, its Dexie rows and their indexes. That database's device-to-server ratio, applied
 * to the server size of one document of the kind, is the kind's device size. `lobby_directory` holds the people (and
 * the staff's few profiles), so a person's figure is near that database's bytes per document; a broadband ledger line
 * shares `lobby_accounts` with the agreements and their status events, records of the same envelope, so the
 * database's ratio is taken to hold for each of its kinds. Each kind's size comes from one sync; no second sync of
 * another mix is needed. Undefined when the database has no such figure (`devicePerDatabase`).
 */
export function deviceBytesOfKind(sizes: readonly DatabaseSize[], database: string, type: string): { device: number; server: number; ratio: number; disk?: number } | undefined {
  const db = sizes.find((s) => s.database === database)
  const kind = db?.byType[type]
  if (!db?.device || !kind?.docs || db.bytes === 0) return undefined
  const ratio = db.device / db.bytes
  const server = kind.bytes / kind.docs
  // The server's disk bytes of one such document, by the same reasoning: the database's disk-to-JSON ratio applied.
  const disk = db.disk === undefined ? undefined : (db.disk / db.bytes) * server
  return { device: ratio * server, server, ratio, disk }
}

/** One `apply <database>` measure the page saw, with the origin's IndexedDB usage read right after it. */
export interface ApplyReading {
  database: string
  idb?: number
  /** The page's clock (performance.now) at the apply's end. */
  end?: number
}

/**
 * Sets `device` on each database pulled in the round that took in the realms: the IndexedDB reading at the end of its
 * applies less the one at the end of the previous database's. That round is found from its first database the join's
 * round does not pull (the third: the join's round takes in `lobby_public` and `lobby_org` only), and runs in the
 * channels' order to the last database; a later round (nothing new to pull) is not counted. Unless that round's
 * applies came one database after another, through to the last, nothing is set: pulls side by side would make the
 * difference meaningless.
 */
export function devicePerDatabase(sizes: DatabaseSize[], readings: readonly ApplyReading[]): void {
  const order = sizes.map((s) => s.database)
  // Consecutive applies of one database are one pass: keep the reading at its end.
  const passes: ApplyReading[] = []
  for (const r of readings) {
    if (passes.at(-1)?.database === r.database) passes[passes.length - 1] = r
    else passes.push(r)
  }
  const start = passes.findIndex((p) => p.database === order[2])
  if (start < 1) return
  const round = [passes[start - 1]!]
  for (const pass of passes.slice(start)) {
    if (order.indexOf(pass.database) <= order.indexOf(round.at(-1)!.database)) break
    round.push(pass)
  }
  if (round.at(-1)!.database !== order.at(-1)) return
  for (let i = 1; i < round.length; i++) {
    const [before, after] = [round[i - 1]!.idb, round[i]!.idb]
    if (before !== undefined && after !== undefined) sizes[order.indexOf(round[i]!.database)]!.device = after - before
  }
}
