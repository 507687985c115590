import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'

/**
 * Everything the origin keeps in the browser, as one searchable text: every
 * record of every object store of every IndexedDB database (typed arrays read
 * both as UTF-8 and as Latin-1), localStorage, sessionStorage and every
 * Cache Storage body.
 */
export async function dumpOriginStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: string[] = []
    const seen = new WeakSet<object>()
    const walk = (v: unknown): void => {
      if (v === null || v === undefined) return
      if (typeof v === 'string') return void out.push(v)
      if (typeof v !== 'object') return void out.push(String(v))
      if (seen.has(v)) return
      seen.add(v)
      if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
        const bytes = v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength)
        out.push(new TextDecoder().decode(bytes), Array.from(bytes, (b) => String.fromCharCode(b)).join(''))
        return
      }
      if (v instanceof CryptoKey) return // opaque: its bytes are not readable from script, by design
      for (const [k, x] of Object.entries(v)) {
        out.push(k)
        walk(x)
      }
    }
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!)
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      for (const storeName of Array.from(db.objectStoreNames)) {
        const [keys, values] = await new Promise<[unknown[], unknown[]]>((resolve, reject) => {
          const store = db.transaction(storeName).objectStore(storeName)
          const k = store.getAllKeys()
          const r = store.getAll()
          r.onsuccess = () => resolve([k.result, r.result])
          r.onerror = () => reject(r.error)
        })
        out.push(`[idb ${info.name}/${storeName}]`)
        walk(keys)
        walk(values)
      }
      db.close()
    }
    for (const s of [localStorage, sessionStorage]) for (let i = 0; i < s.length; i++) out.push(s.key(i)!, s.getItem(s.key(i)!)!)
    for (const name of await caches.keys()) {
      const cache = await caches.open(name)
      for (const req of await cache.keys()) out.push(req.url, (await (await cache.match(req))?.text()) ?? '')
    }
    return out.join('\n')
  })
}

/** What a phone keeps, as facts a test compares: every IndexedDB database of the origin read whole. */
export interface OriginFacts {
  databases: string[]
  /** The realm of every sealed row in every store of every database (records, documents kept aside), each once. */
  realms: string[]
  /** How many sealed rows each realm has. */
  rowsByRealm: Record<string, number>
  /** Records (envelopes, `ct`) that still hold a sealed body, by realm: a deletion leaves an empty one (a tombstone). */
  sealedByRealm: Record<string, number>
  /** Who wrote the audit rows held (a device's own chain: pushed, never pulled unless its user reads the log). */
  auditAuthors: string[]
  /** The organisation a member's phone belongs to (its `self-org` entry), '' on a staff device. */
  selfOrgId: string
  localStorageKeys: string[]
  cachedUrls: string[]
}

export async function originFacts(page: Page): Promise<OriginFacts> {
  return page.evaluate(async () => {
    const databases = (await indexedDB.databases()).map((d) => d.name!).sort()
    const rowsByRealm: Record<string, number> = {}
    const sealedByRealm: Record<string, number> = {}
    const auditAuthors = new Set<string>()
    let selfOrgId = ''
    const count = (row: Record<string, unknown> | undefined) => {
      if (typeof row?.realm !== 'string') return
      rowsByRealm[row.realm] = (rowsByRealm[row.realm] ?? 0) + 1
      // Stored as bytes (storage/ciphertext-bytes.ts), or as text by older rows and tests.
      const ct = row.ct
      const size = typeof ct === 'string' ? ct.length : ct instanceof ArrayBuffer || ArrayBuffer.isView(ct) ? ct.byteLength : 0
      if (size > 0) sealedByRealm[row.realm] = (sealedByRealm[row.realm] ?? 0) + 1
    }
    for (const name of databases) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name)
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const r = db.transaction(store).objectStore(store).getAll()
          r.onsuccess = () => resolve(r.result)
          r.onerror = () => reject(r.error)
        })
        for (const row of rows as Record<string, unknown>[]) {
          count(row)
          count(row.doc as Record<string, unknown> | undefined)
          if (row.realm === 'audit') auditAuthors.add(String(row.by ?? row.dev))
          if (row.key === 'self-org') selfOrgId = (row.value as { orgId: string }).orgId
        }
      }
      db.close()
    }
    const localStorageKeys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)!)
    const cachedUrls: string[] = []
    for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) cachedUrls.push(req.url)
    return { databases, realms: Object.keys(rowsByRealm).sort(), rowsByRealm, sealedByRealm, auditAuthors: [...auditAuthors], selfOrgId, localStorageKeys, cachedUrls }
  })
}

/** Files under `dir` (a browser profile) whose bytes contain `needle` in UTF-8 or UTF-16LE. */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')]
  const hits: string[] = []
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const bytes = await readFile(path).catch(() => undefined)
    if (bytes && forms.some((f) => bytes.includes(f))) hits.push(path)
  }
  return hits
}
