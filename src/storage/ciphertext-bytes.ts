import type { DBCore, DBCoreCursor, DBCoreTable, Dexie } from 'dexie'
import { fromBase64Url, toBase64Url } from '@/crypto/bytes'

/**
 * Issue 13 (device bytes): a record's ciphertext is base64url text everywhere above storage (the envelope's wire
 * form, what the server holds), but IndexedDB keeps it as bytes: a third smaller, and the largest field of every
 * record. One DBCore middleware at the bottom of the records table's stack turns `ct` into a `Uint8Array` on the
 * way down and back into the same text on the way up, so nothing above it (the record-writes watchers, sync's push
 * and apply, the repositories) ever sees the difference. Only a canonical unpadded base64url string is converted,
 * so the text read back is always exactly the text written; anything else is stored as it came. Rows written
 * before this kept their text and are read as they are.
 */

type Row = { ct?: unknown }

/** The row as IndexedDB should keep it: `ct` as bytes when it is canonical base64url text. */
export function packCiphertext<T extends Row>(row: T): T {
  if (typeof row.ct !== 'string' || row.ct === '') return row
  let bytes: Uint8Array
  try {
    bytes = fromBase64Url(row.ct)
  } catch {
    return row
  }
  return { ...row, ct: bytes }
}

/** The row as the app reads it: `ct` as base64url text again. */
export function unpackCiphertext<T>(row: T): T {
  const ct = (row as Row | undefined)?.ct
  if (!(ct instanceof Uint8Array)) return row
  return { ...(row as Row), ct: toBase64Url(ct) } as T
}

function readCursor(cursor: DBCoreCursor | null): DBCoreCursor | null {
  if (!cursor) return cursor
  // One row object per cursor position, as IndexedDB's own cursor gives, whatever reads `value` how often.
  let raw: unknown
  let read: unknown
  // IndexedDB's own cursor is the prototype here, and its getters refuse any other `this` ("Illegal invocation"):
  // every getter Dexie reads is given, not inherited.
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: {
      get() {
        const value = cursor.value
        if (value !== raw) {
          raw = value
          read = unpackCiphertext(value)
        }
        return read
      },
    },
  }) as DBCoreCursor
}

function recordsTable(down: DBCoreTable): DBCoreTable {
  return {
    ...down,
    get: (req) => down.get(req).then(unpackCiphertext),
    getMany: (req) => down.getMany(req).then((rows) => rows.map(unpackCiphertext)),
    query: (req) =>
      req.values ? down.query(req).then((res) => ({ ...res, result: res.result.map(unpackCiphertext) })) : down.query(req),
    openCursor: (req) => (req.values === false ? down.openCursor(req) : down.openCursor(req).then(readCursor)),
    mutate(req) {
      if (req.type !== 'add' && req.type !== 'put') return down.mutate(req)
      return down.mutate({ ...req, values: req.values.map((row: Row) => packCiphertext(row)) })
    },
  }
}

/** Puts the middleware on `db`'s records table; once per database, before it opens (`LobbyDb` does it). */
export function storeCiphertextAsBytes(db: Dexie): void {
  const create = (down: DBCore): DBCore => ({ ...down, table: (name) => (name === 'records' ? recordsTable(down.table(name)) : down.table(name)) })
  // Below the record-writes middleware (level -2): its watchers compare `ct` as text.
  db.use({ stack: 'dbcore', name: 'ciphertext-bytes', level: -3, create })
}
