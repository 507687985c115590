import { asBufferSource, toBase64Url, utf8 } from './bytes'
import { checkKdfParams, type KdfParams } from './kdf-params'
import type { KdfRequest, KdfResponse } from './kdf-messages'

/** What a passphrase unlocks: the key-encryption key and the password we show the sync server. */
export interface DerivedSecrets {
  /** AES-GCM-256, non-extractable: decrypts the keyring and nothing else. */
  kek: CryptoKey
  /** base64url of 32 bytes; HKDF is one-way, so the server (which sees this) cannot work back to the KEK. */
  serverPassword: string
}

const kekInfo = 'lobby/kek/v1'
const serverPasswordInfo = 'lobby/server-password/v1'

interface Pending {
  resolve: (key: Uint8Array) => void
  reject: (error: Error) => void
}

let worker: Worker | undefined
let nextId = 1
const pending = new Map<number, Pending>()

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error)
  pending.clear()
}

/** The shared KDF worker, started on first use; undefined where Workers cannot start (Node tests, strict CSP). */
function kdfWorker(): Worker | undefined {
  if (worker || typeof Worker === 'undefined') return worker
  try {
    worker = new Worker(new URL('./kdf.worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return undefined
  }
  worker.onmessage = (event: MessageEvent<KdfResponse>) => {
    const response = event.data
    const p = pending.get(response.id)
    if (!p) return
    pending.delete(response.id)
    if ('key' in response) p.resolve(response.key)
    else p.reject(new Error(`argon2id failed in the KDF worker: ${response.error}`))
  }
  worker.onerror = (event) => {
    // A worker that failed to load or crashed answers nobody: reject everyone and start afresh next time.
    failAll(new Error(`KDF worker failed: ${event.message}`))
    worker?.terminate()
    worker = undefined
  }
  return worker
}

function argon2InWorker(w: Worker, secret: Uint8Array, params: KdfParams): Promise<Uint8Array> {
  const id = nextId++
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject })
    const request: KdfRequest = { id, secret, params }
    // Transfer the secret: the page's copy is gone rather than lingering until GC.
    w.postMessage(request, [secret.buffer])
  })
}

/**
 * Derives the KEK and the server password from a passphrase (or recovery code).
 * The secret is NFKC-normalised so the same words typed on another keyboard
 * (fullwidth, composed accents) unlock the same keyring; Argon2id runs in a
 * Worker when the platform has one; HKDF-SHA256 then splits the 32-byte master
 * into independent keys, and the master is zeroed.
 */
export async function deriveFromSecret(secret: string, params: KdfParams): Promise<DerivedSecrets> {
  const p = checkKdfParams(params)
  const secretBytes = utf8(secret.normalize('NFKC'))
  const w = kdfWorker()
  // In-thread only where no Worker starts (Node tests, a strict CSP): loaded then, so a page's first load does not
  // carry hash-wasm twice (the worker has its own copy).
  const raw = w ? await argon2InWorker(w, secretBytes, p) : await (await import('./argon2')).argon2idRaw(secretBytes, p)
  // After a transfer to the worker the buffer is detached (length 0, and fill() would throw);
  // in-thread it still holds our copy, which we wipe.
  if (secretBytes.byteLength > 0) secretBytes.fill(0)
  const master = asBufferSource(raw)
  try {
    const base = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveKey', 'deriveBits'])
    // Empty HKDF salt: the Argon2id output is already uniformly random (RFC 5869 §3.1).
    const hkdf = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(info) })
    const kek = await crypto.subtle.deriveKey(hkdf(kekInfo), base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
    const password = new Uint8Array(await crypto.subtle.deriveBits(hkdf(serverPasswordInfo), base, 256))
    return { kek, serverPassword: toBase64Url(password) }
  } finally {
    raw.fill(0)
    master.fill(0)
  }
}
