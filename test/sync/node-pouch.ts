import { createRequire } from 'node:module'
import type { PouchLike, PouchStatic } from '../../src/sync/pouch-port'

const require = createRequire(import.meta.url)
const PouchDB = require('pouchdb') as { plugin(p: unknown): void; new (name: string, opts?: object): PouchLike; replicate: PouchStatic['replicate'] }
PouchDB.plugin(require('pouchdb-adapter-memory'))

let instance = 0
/**
 * PouchDB for Node tests: local databases in memory (each "device" gets its
 * own namespace), remote ones over real HTTP to the embedded server. `opened`
 * names every database a device opened, local or remote.
 */
export function nodePouch(): PouchStatic & { opened: string[] } {
  const ns = `dev${++instance}-`
  const opened: string[] = []
  const Pouch = function (name: string, options: Record<string, unknown> = {}) {
    opened.push(name)
    if (/^https?:/.test(name)) return new PouchDB(name, options)
    return new PouchDB(ns + name, { ...options, adapter: 'memory' })
  } as unknown as PouchStatic & { opened: string[] }
  Pouch.replicate = (source, target, options) => PouchDB.replicate(source, target, options)
  Pouch.opened = opened
  return Pouch
}
