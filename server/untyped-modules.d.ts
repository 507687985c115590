// Modules without type declarations that server/ uses. They are used as
// `any`, on purpose: Lobby reaches into express-pouchdb's internals, and each
// such use is checked at start-up instead (server/patch-point.js).
declare module 'express-pouchdb'
declare module 'pouchdb'
declare module 'pouchdb-adapter-memory'
