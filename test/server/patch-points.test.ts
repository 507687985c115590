// @vitest-environment node
// Issue 8 §1: Lobby's repairs to express-pouchdb's internals fail closed. A
// patch point that is missing (another version, a renamed module) stops the
// server from starting and names the point, instead of leaving a hole open.
import { describe, expect, it } from 'vitest'
import { checkExpressPouchDB } from '../../server/pouch-server.js'
import { guardAdminDocuments, keepReplicatedHistory, repairSystemDbProtection, reportRefusedChanges } from '../../server/pouch-repairs.js'
import { expressPouchUtils } from '../../server/patch-point.js'

/** A database whose methods are plain functions, not wrapped by pouchdb-wrappers. */
function unwrappedDb(): Record<string, unknown> {
  const db: Record<string, unknown> = {}
  for (const name of ['allDocs', 'bulkGet', 'revsDiff', 'getIndexes', 'find', 'explain', 'changes', 'query', 'get',
    'getAttachment', 'sync', 'put', 'post', 'remove', 'bulkDocs', 'putSecurity']) db[name] = () => {}
  db.replicate = { from: () => {}, to: () => {} }
  return db
}

describe('patch points of express-pouchdb', () => {
  it('refuses to repair _users when a method has no handler chain', () => {
    expect(() => repairSystemDbProtection(unwrappedDb())).toThrow(/handler chain of db\.allDocs/)
    expect(() => repairSystemDbProtection({})).toThrow(/db\.allDocs/)
  })

  it('refuses to guard _changes without its handler chain', () => {
    expect(() => reportRefusedChanges(unwrappedDb())).toThrow(/handler chain of db\.changes/)
  })

  it('refuses to keep replicated history without handler chains for writes', () => {
    expect(() => keepReplicatedHistory(unwrappedDb())).toThrow(/handler chain of db\.put/)
  })

  it('refuses to guard design documents and _security on a database lacking a write method', () => {
    const db = unwrappedDb()
    delete db.putSecurity
    expect(() => guardAdminDocuments(db)).toThrow(/db\.putSecurity/)
  })

  it('refuses express-pouchdb helpers that are missing', () => {
    expect(() => expressPouchUtils(() => ({ sendJSON() {}, sendError() {}, jsonParser() {} }))).toThrow(/utils\.urlencodedParser/)
    expect(() => expressPouchUtils(() => { throw new Error('Cannot find module') })).toThrow(/lib\/utils\.js/)
  })

  it('refuses an express-pouchdb app without the hooks the server uses', () => {
    expect(() => checkExpressPouchDB({ couchConfig: { get() {}, set() {}, on() {}, removeListener() {} }, daemonManager: { _daemons: [] } })).toThrow(/dbWrapper\.wrap/)
    expect(() => checkExpressPouchDB({ dbWrapper: { wrap() {} }, couchConfig: { get() {}, set() {}, on() {}, removeListener() {} }, daemonManager: {} })).toThrow(/daemonManager\._daemons/)
  })
})
