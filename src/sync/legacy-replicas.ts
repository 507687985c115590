import type { PouchLike, PouchStatic } from './pouch-port'

/**
 * Before issue 13 a device replicated through local PouchDB databases (`lobby-local-<database>`, or
 * `lobby-local-<database>~<user>` for one user's pushes) and handed its writes to them first. A row handed over
 * while the server could not be reached was then only there. Such a replica is pushed to the server once, then
 * deleted; one that cannot be pushed now stays for the next round. Nothing is pulled from it.
 */
export const legacyReplicaPrefix = 'lobby-local-'

/** The server database a legacy replica pushed to. */
export const legacyTarget = (name: string) => name.slice(legacyReplicaPrefix.length).split('~')[0]!

/** The legacy replicas on this browser (PouchDB's IndexedDB adapter names its databases `_pouch_<name>`). */
export async function legacyReplicaNames(): Promise<string[]> {
  if (typeof indexedDB === 'undefined' || !('databases' in indexedDB)) return []
  const all = await indexedDB.databases().catch(() => [])
  return all.flatMap((d) => (d.name?.startsWith(`_pouch_${legacyReplicaPrefix}`) ? [d.name.slice('_pouch_'.length)] : []))
}

/**
 * Pushes each legacy replica to its server database and deletes it. Returns the names still there (the server
 * was out of reach: try again next round). What the server refuses now it refused then: it is deleted with the
 * rest (the same rows are in Dexie, where the app reads them).
 */
export async function drainLegacyReplicas(Pouch: PouchStatic, remote: (database: string) => PouchLike, names: readonly string[]): Promise<string[]> {
  const left: string[] = []
  for (const name of names) {
    const old = new Pouch(name)
    try {
      await Pouch.replicate(old, remote(legacyTarget(name)), { batch_size: 250 })
      await old.destroy()
    } catch {
      left.push(name)
      await old.close().catch(() => undefined)
    }
  }
  return left
}

/** A revoked device forgets them unpushed (CONF-10). */
export async function destroyLegacyReplicas(Pouch: PouchStatic, names: readonly string[]): Promise<void> {
  await Promise.all(names.map((name) => new Pouch(name).destroy().catch(() => undefined)))
}
