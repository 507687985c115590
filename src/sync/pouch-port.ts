/**
 * The slice of PouchDB the sync layer uses. The browser gets pouchdb-browser
 * (loaded lazily); Node tests pass PouchDB with the memory adapter.
 */
export interface PouchDoc {
  _id: string
  _rev?: string
  _deleted?: boolean
  _conflicts?: string[]
  [field: string]: unknown
}

export interface PouchChange {
  id: string
  seq: number | string
  deleted?: boolean
  doc?: PouchDoc
}

export interface ReplicationResult {
  ok: boolean
  docs_read: number
  docs_written: number
  doc_write_failures: number
  errors: unknown[]
  last_seq?: number | string
}

export interface PouchLike {
  name: string
  get(id: string, options?: { conflicts?: boolean; rev?: string; open_revs?: 'all' | string[]; revs?: boolean }): Promise<unknown>
  put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>
  bulkDocs(docs: PouchDoc[], options?: { new_edits?: boolean }): Promise<({ ok: true; id: string; rev: string } | { error: true | string; id: string; status?: number; message?: string })[]>
  changes(options: { since: number | string; include_docs: true; conflicts?: boolean; limit?: number; batch_size?: number }): Promise<{ results: PouchChange[]; last_seq: number | string }>
  info(): Promise<{ update_seq: number | string; doc_count: number }>
  close(): Promise<void>
  destroy(): Promise<unknown>
}

export interface PouchStatic {
  new (name: string, options?: Record<string, unknown>): PouchLike
  replicate(
    source: PouchLike | string,
    target: PouchLike | string,
    options?: Record<string, unknown>,
  ): Promise<ReplicationResult> & { cancel(): void; on(event: string, cb: (info: unknown) => void): unknown }
}

let loaded: Promise<PouchStatic> | undefined
/** PouchDB for the browser, fetched only when sync starts so it never weighs on the first load. */
export function loadBrowserPouch(): Promise<PouchStatic> {
  loaded ??= import('pouchdb-browser').then((m) => (m.default ?? m) as unknown as PouchStatic)
  return loaded
}
