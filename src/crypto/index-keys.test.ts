import { describe, expect, it } from 'vitest'
import { currentIndexKey, indexKeyId, indexKeysFor, parseIndexKeyId } from './index-keys'
import { generateIndexKey } from './realm-keys'

describe('index keys by epoch (CONF-9)', () => {
  it('reads a bare realm as epoch 1 and `realm:epoch` as that epoch, personal realms included', () => {
    expect(parseIndexKeyId('directory')).toEqual({ realm: 'directory', epoch: 1 })
    expect(parseIndexKeyId(indexKeyId('directory', 2))).toEqual({ realm: 'directory', epoch: 2 })
    expect(parseIndexKeyId('member:u8f3k')).toEqual({ realm: 'member:u8f3k', epoch: 1 })
    expect(parseIndexKeyId('member:u8f3k:3')).toEqual({ realm: 'member:u8f3k', epoch: 3 })
  })

  it('lists every epoch of a realm newest first, and writes with the newest', async () => {
    const [one, two, other] = await Promise.all([generateIndexKey(), generateIndexKey(), generateIndexKey()])
    const keyring = { indexKeys: new Map([['directory', one], ['directory:2', two], ['desk', other]]) }
    expect(indexKeysFor(keyring, 'directory')).toEqual([{ epoch: 2, key: two }, { epoch: 1, key: one }])
    expect(currentIndexKey(keyring, 'directory')).toBe(two)
    expect(currentIndexKey(keyring, 'desk')).toBe(other)
    expect(currentIndexKey(keyring, 'accounts')).toBeUndefined()
  })
})
