import type { Keyring } from './keyring'

/**
 * Blind-index keys by epoch. A keyring's `indexKeys` are keyed `realm:epoch`
 * like realm keys; keyrings written before key rotation existed key them by the
 * bare realm, which counts as epoch 1. Personal realms hold a colon
 * (`member:u…`) but a user id is never all digits, so `member:u12` is a bare
 * realm and `member:u12:2` its epoch 2.
 */
export function indexKeyId(realm: string, epoch: number): string {
  return `${realm}:${epoch}`
}

/** The realm and epoch an index key id names (a bare realm is epoch 1). */
export function parseIndexKeyId(id: string): { realm: string; epoch: number } {
  const match = /^(.+):(0|[1-9]\d*)$/.exec(id)
  if (match && Number.isSafeInteger(Number(match[2]))) return { realm: match[1]!, epoch: Number(match[2]) }
  return { realm: id, epoch: 1 }
}

/** Every index key held for `realm`, newest epoch first: lookups try each, since older records carry older indexes. */
export function indexKeysFor(keyring: Pick<Keyring, 'indexKeys'>, realm: string): { epoch: number; key: CryptoKey }[] {
  const out: { epoch: number; key: CryptoKey }[] = []
  for (const [id, key] of keyring.indexKeys) {
    const parsed = parseIndexKeyId(id)
    if (parsed.realm === realm) out.push({ epoch: parsed.epoch, key })
  }
  return out.sort((a, b) => b.epoch - a.epoch)
}

/** The newest index key of `realm`, to compute the blind indexes of what is written now. */
export function currentIndexKey(keyring: Pick<Keyring, 'indexKeys'>, realm: string): CryptoKey | undefined {
  return indexKeysFor(keyring, realm)[0]?.key
}
