/**
 * The PouchDB class one Lobby server stores its databases with — LevelDB
 * files under `<dataDir>/db/`, or process memory — plus a way to close every
 * database that class opened.
 */
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import PouchDB from 'pouchdb'
import memoryAdapter from 'pouchdb-adapter-memory'
import { installDatabaseList } from './database-list.js'

const ISOLATED_MEMORY = 'lobby-memory'

/**
 * pouchdb-adapter-memory keeps every database in one process-wide store keyed
 * by name and ignores `prefix`, so two in-memory servers in one process (tests,
 * dev) would share `_users` and every realm. This adapter is the same memory
 * adapter with prefixes honoured, so each server gets its own namespace.
 */
function installIsolatedMemoryAdapter() {
  if (PouchDB.adapters[ISOLATED_MEMORY]) return
  PouchDB.plugin(memoryAdapter)
  const MemoryPouch = PouchDB.adapters.memory
  /** @this {any} */
  function IsolatedMemoryPouch(/** @type {any} */ opts, /** @type {any} */ callback) {
    MemoryPouch.call(this, opts, callback)
  }
  IsolatedMemoryPouch.valid = () => true
  IsolatedMemoryPouch.use_prefix = true
  PouchDB.adapter(ISOLATED_MEMORY, IsolatedMemoryPouch)
}

/**
 * @param {{ dataDir: string, memory: boolean }} options
 * @returns {{ Pouch: any, closeAll: () => Promise<void> }}
 */
export function createPouchClass({ dataDir, memory }) {
  let defaults
  if (memory) {
    installIsolatedMemoryAdapter()
    defaults = { adapter: ISOLATED_MEMORY, prefix: `lobby-${randomUUID()}-` }
  } else {
    const dbDir = join(resolve(dataDir), 'db')
    mkdirSync(dbDir, { recursive: true, mode: 0o700 })
    defaults = { adapter: 'leveldb', prefix: dbDir + sep }
  }
  const Pouch = PouchDB.defaults(defaults)
  // pouchdb-core's plugin(), called on a subclass, copies the subclass's
  // defaults onto the base class: every later `new PouchDB()` in the process
  // would open in this server's storage. Plugins land on the base class
  // anyway, so install them from there.
  Pouch.plugin = (/** @type {any} */ plugin) => {
    PouchDB.plugin(plugin)
    return Pouch
  }
  const databaseList = installDatabaseList(Pouch)

  // express-pouchdb opens databases in many places (and a fresh `_users`
  // instance per login), so track every instance of this class as it opens.
  // PouchDB announces opened/closed instances on one process-wide emitter.
  const open = new Set()
  const onRef = (/** @type {any} */ db) => { if (db instanceof Pouch) open.add(db) }
  const onUnref = (/** @type {any} */ db) => open.delete(db)
  PouchDB.on('ref', onRef)
  PouchDB.on('unref', onUnref)

  async function closeAll() {
    await databaseList.drain()
    databaseList.stop()
    PouchDB.removeListener('ref', onRef)
    PouchDB.removeListener('unref', onUnref)
    // Instances of one name share a store: the first close ends it and the
    // rest report "not open", which is expected here. Memory databases are
    // closed, not destroyed: destroy() is broadcast by name to every PouchDB
    // in the process and would cancel other servers' feeds.
    const dbs = [...open]
    open.clear()
    await Promise.allSettled(dbs.map((db) => db.close()))
  }

  return { Pouch, closeAll }
}
