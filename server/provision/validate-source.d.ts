// Declarations for validate-source.js, whose functions are ES5 sent to CouchDB
// as text (they run there, not in Node), so `npm run typecheck`
// (tsconfig.server.json) checks its callers against these instead of the file.
import type { DatabaseRules } from './rules.js'

/** The source of a self-contained `validate_doc_update` for one database. */
export function validateSource(rules: DatabaseRules): string

/** The design document `_design/lobby` of one database. */
export function designDocFor(rules: DatabaseRules): { _id: string; language: string; validate_doc_update: string }
