import type { Page } from 'playwright-core'
import { deriveFromSecret } from '@/crypto/kdf'
import { auditJwksOf, unlockKeyring, type LockedKeyring } from '@/crypto/keyring'

/** The locked keyrings this page's device keeps (IndexedDB `lobby`, table `keyrings`). */
async function storedKeyrings(page: Page): Promise<LockedKeyring[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('lobby')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const docs = await new Promise<{ locked: LockedKeyring }[]>((resolve, reject) => {
      const req = db.transaction('keyrings').objectStore('keyrings').getAll()
      req.onsuccess = () => resolve(req.result as { locked: LockedKeyring }[])
      req.onerror = () => reject(req.error)
    })
    db.close()
    return docs.filter((d) => d.locked).map((d) => d.locked)
  })
}

/**
 * The secret key material of the keyring that `passphrase` opens on this device, in the text forms
 * the app handles it in: base64url of every realm and index key, and the `d` (private scalar) of every
 * private JWK (ECDH, ECDSA, audit). Opened here in Node with the app's own crypto modules, from the
 * locked keyring on the device: no hook in the app hands them out.
 */
export async function keyringSecretStrings(page: Page, passphrase: string): Promise<string[]> {
  for (const locked of await storedKeyrings(page)) {
    const { kek } = await deriveFromSecret(passphrase, locked.kdf)
    const keyring = await unlockKeyring(locked, kek).catch(() => undefined)
    if (!keyring) continue
    const s = keyring.secrets
    const privateJwks = [s.userKeys.ecdh.privateJwk, s.userKeys.ecdsa.privateJwk, ...Object.values(auditJwksOf(s))]
    const strings = [...Object.values(s.realmKeys), ...Object.values(s.indexKeys), ...privateJwks.map((j) => j.d ?? '')]
    if (strings.some((x) => x.length < 32)) throw new Error('a key in the keyring is too short to search for')
    return strings
  }
  throw new Error('no keyring on this device opens with that passphrase')
}
