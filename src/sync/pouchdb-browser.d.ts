// pouchdb-browser ships no types; the sync layer talks to it through PouchStatic (pouch-port.ts).
declare module 'pouchdb-browser' {
  const PouchDB: unknown
  export default PouchDB
}
