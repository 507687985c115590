import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// @ts-expect-error pouchdb ships no types; the few calls below are typed by `LevelPouch`.
import PouchDBModule from 'pouchdb'

interface LevelPouch {
  replicate: { from(source: LevelPouch, options: object): Promise<unknown> }
  info(): Promise<unknown>
  close(): Promise<void>
}
const PouchDB = PouchDBModule as new (name: string, options?: object) => LevelPouch

/**
 * Issue 13's storage goal compares a device's bytes per document with "its size on the server". The bench's server
 * runs in memory, so its own disk cannot be read; this stores the same databases as the development server stores
 * them on disk (PouchDB's LevelDB adapter, what `npm start` uses under `.lobby-data/db/`): each database pulled by
 * replication (revision trees and all, as the server holds them) into a temporary folder, closed and opened once
 * more so LevelDB turns its write-ahead log into compressed tables, then the folder's files summed.
 * Apache CouchDB's own files differ again (an append-only B-tree, compacted or not); this is the figure we can
 * measure here.
 */
export async function serverDiskBytes(base: string, admin: { username: string; password: string }, databases: readonly string[]): Promise<Map<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'lobby-disk-'))
  const sizes = new Map<string, number>()
  try {
    for (const database of databases) {
      const path = join(dir, database)
      const source = new PouchDB(`${base}${database}`, { auth: admin })
      let local = new PouchDB(path)
      await local.replicate.from(source, { batch_size: 500, batches_limit: 4 })
      await local.close()
      local = new PouchDB(path)
      await local.info()
      await local.close()
      await source.close()
      sizes.set(database, folderBytes(path))
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return sizes
}

function folderBytes(path: string): number {
  let total = 0
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name)
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size
  }
  return total
}
