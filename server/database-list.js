/**
 * `PouchDB.allDbs()` for one server's PouchDB class only — the list behind
 * `_all_dbs` and behind express-pouchdb's "does this database exist" checks.
 *
 * express-pouchdb installs pouchdb-all-dbs, which records every database that
 * any PouchDB class in the process opens (PouchDB announces them on one
 * process-wide emitter, by name only) and can never be unhooked. With two
 * servers in a process (tests, dev) each would list the other's databases,
 * and a closed server would keep writing to its closed list. So the same
 * plugin is installed here, fed only with this class's events; express-pouchdb
 * then finds `allDbs` present and leaves it alone.
 */
import { EventEmitter } from 'node:events'
import { createRequire } from 'node:module'
import PouchDB from 'pouchdb'

// pouchdb-all-dbs comes with express-pouchdb: resolve it from there.
const requireFromExpressPouchDB = createRequire(createRequire(import.meta.url).resolve('express-pouchdb'))
const installAllDbs = requireFromExpressPouchDB('pouchdb-all-dbs')

/**
 * @param {any} Pouch a class made with PouchDB.defaults()
 * @returns {{ drain: () => Promise<void>, stop: () => void }}
 */
export function installDatabaseList(Pouch) {
  const events = new EventEmitter()
  let used = false

  // "created" arrives as a name only; "ref" carries the instance, so it can be
  // told apart by class. Both are sent as an instance finishes opening.
  const onRef = (/** @type {any} */ db) => {
    if (!(db instanceof Pouch)) return
    used = true
    events.emit('created', db.name)
  }
  PouchDB.on('ref', onRef)

  // An instance announces its own destruction through its class's emit(),
  // which this class shares with every other until overridden here.
  const sharedEmit = Pouch.emit
  Pouch.emit = (/** @type {string} */ event, /** @type {any[]} */ ...args) => {
    if (event === 'destroyed') events.emit('destroyed', ...args)
    return sharedEmit(event, ...args)
  }

  const sharedOn = Pouch.on
  Pouch.on = events.on.bind(events)
  try {
    installAllDbs(Pouch)
  } finally {
    Pouch.on = sharedOn
  }

  return {
    // Its queue runs in order, so a list answered means every earlier write
    // is done. Unused, it has nothing pending (and may be unable to open).
    drain: async () => { if (used) await Pouch.allDbs() },
    stop() {
      PouchDB.removeListener('ref', onRef)
      events.removeAllListeners()
    },
  }
}
