import { afterEach, describe, expect, it, vi } from 'vitest'
import { fromBase64Url, randomBytes, toBase64Url, utf8 } from './bytes'
import { argon2idRaw } from './argon2'
import { isCryptoError } from './errors'
import { deriveFromSecret } from './kdf'
import { answerKdfRequest, type KdfRequest } from './kdf-messages'
import { newKdfParams, type KdfParams } from './kdf-params'

// The cheapest cost kdfBounds allows, so the suite stays fast.
function minCost(salt = randomBytes(16)): KdfParams {
  return { alg: 'argon2id', memoryKiB: 19456, iterations: 2, parallelism: 1, salt: toBase64Url(salt) }
}

async function encryptWith(kek: CryptoKey): Promise<{ iv: Uint8Array<ArrayBuffer>; ct: ArrayBuffer }> {
  const iv = randomBytes(12)
  return { iv, ct: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, kek, utf8('keyring secrets')) }
}

describe('argon2idRaw', () => {
  it('gives 32 bytes, the same for the same input', async () => {
    const params = minCost()
    const a = await argon2idRaw(utf8('correct horse'), params)
    expect(a).toHaveLength(32)
    expect(await argon2idRaw(utf8('correct horse'), params)).toEqual(a)
  })
  it('checks the parameters before allocating anything', async () => {
    const huge = { ...minCost(), memoryKiB: 4194304 }
    await expect(argon2idRaw(utf8('x'), huge)).rejects.toSatisfy((e) => isCryptoError(e, 'bad-kdf-params'))
  })
  it('refuses an empty secret', async () => {
    await expect(argon2idRaw(new Uint8Array(0), minCost())).rejects.toSatisfy((e) => isCryptoError(e, 'malformed'))
  })
})

describe('deriveFromSecret (CONF-1: the passphrase is the only way to the keys)', () => {
  const salt = randomBytes(16)

  it('is deterministic for the same secret and salt, and NFKC folds fullwidth input', async () => {
    const a = await deriveFromSecret('ｐａｓｓ phrase', minCost(salt))
    const b = await deriveFromSecret('pass phrase', minCost(salt))
    expect(b.serverPassword).toBe(a.serverPassword)
    expect(fromBase64Url(a.serverPassword)).toHaveLength(32)
    const { iv, ct } = await encryptWith(a.kek)
    await expect(crypto.subtle.decrypt({ name: 'AES-GCM', iv }, b.kek, ct)).resolves.toBeInstanceOf(ArrayBuffer)
  })
  it('gives unrelated keys for another salt or another secret', async () => {
    const a = await deriveFromSecret('pass phrase', minCost(salt))
    const otherSalt = await deriveFromSecret('pass phrase', minCost())
    const otherSecret = await deriveFromSecret('pass phrasf', minCost(salt))
    expect(otherSalt.serverPassword).not.toBe(a.serverPassword)
    expect(otherSecret.serverPassword).not.toBe(a.serverPassword)
    const { iv, ct } = await encryptWith(a.kek)
    await expect(crypto.subtle.decrypt({ name: 'AES-GCM', iv }, otherSalt.kek, ct)).rejects.toThrow()
  })
  it('makes a KEK that cannot be exported', async () => {
    const { kek } = await deriveFromSecret('pass phrase', minCost(salt))
    expect(kek.extractable).toBe(false)
    expect(kek.usages.sort()).toEqual(['decrypt', 'encrypt'])
    await expect(crypto.subtle.exportKey('raw', kek)).rejects.toThrow()
  })
  it('gives the server a password that does not open what the KEK sealed', async () => {
    const { kek, serverPassword } = await deriveFromSecret('pass phrase', minCost(salt))
    const { iv, ct } = await encryptWith(kek)
    const fromPassword = await crypto.subtle.importKey('raw', fromBase64Url(serverPassword), 'AES-GCM', false, ['decrypt'])
    await expect(crypto.subtle.decrypt({ name: 'AES-GCM', iv }, fromPassword, ct)).rejects.toThrow()
  })
  it('works at the default cost (64 MiB, t=3)', async () => {
    const { kek, serverPassword } = await deriveFromSecret('pass phrase', newKdfParams())
    expect(kek.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 })
    expect(fromBase64Url(serverPassword)).toHaveLength(32)
  }, 20_000)
  it('refuses tampered parameters with bad-kdf-params', async () => {
    await expect(deriveFromSecret('x', { ...minCost(), iterations: 1000 })).rejects.toSatisfy((e) => isCryptoError(e, 'bad-kdf-params'))
  })
})

describe('deriveFromSecret through a Worker', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.resetModules()
  })

  it('starts one worker, reuses it and matches answers to requests by id even out of order', async () => {
    const started: FakeWorker[] = []
    class FakeWorker {
      onmessage: ((e: { data: unknown }) => void) | null = null
      onerror: ((e: { message: string }) => void) | null = null
      received: KdfRequest[] = []
      constructor() {
        started.push(this)
      }
      postMessage(request: KdfRequest) {
        this.received.push(request)
        // Answer later requests first.
        const delay = request.id === 1 ? 60 : 0
        void answerKdfRequest({ ...request, secret: new Uint8Array(request.secret) }).then((r) => setTimeout(() => this.onmessage?.({ data: r }), delay))
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', FakeWorker)
    vi.resetModules()
    const { deriveFromSecret: deriveInWorker } = await import('./kdf')
    const salt = randomBytes(16)
    const [first, second] = await Promise.all([deriveInWorker('first', minCost(salt)), deriveInWorker('second', minCost(salt))])
    expect(started).toHaveLength(1)
    expect(started[0]?.received.map((r) => r.id)).toEqual([1, 2])
    expect(first.serverPassword).toBe((await deriveFromSecret('first', minCost(salt))).serverPassword)
    expect(second.serverPassword).toBe((await deriveFromSecret('second', minCost(salt))).serverPassword)
  })
})
