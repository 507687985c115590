// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { toBase64Url, utf8 } from '../../src/crypto/bytes'
import { currentKid } from '../../src/crypto/keyring'
import { exportRawKey, generateIndexKey, generateRealmKey } from '../../src/crypto/realm-keys'
import { openSealed, sealTo } from '../../src/crypto/sealed-box'
import { canonicalJson, sign } from '../../src/crypto/signature'
import { exportUserKeyPairs, generateUserKeyPairs, importEcdhPublicKey } from '../../src/crypto/user-keys'
import { deactivateStaff } from '../../src/identity/deactivate-staff'
import { acceptGrants, grantContext } from '../../src/identity/key-grants'
import { testDevice } from './device'
import { eachTestSyncServer } from './sync-server'
import { addStaff, foundOrganisation } from './organisation'


describe('CONF-9: a server operator who can write any document cannot make a device accept a key they chose', { timeout: 60_000 }, () => {
  const server = eachTestSyncServer()

  it('a grant, a keyring, an account and a certificate written by the server admin into lobby_org are refused', async () => {
    const a = testDevice(server.dbUrl)
    const admin = await foundOrganisation(a, server.admin)
    const staff: Record<string, string> = {}
    for (const username of ['li.desk', 'zhao.desk']) {
      staff[username] = (await addStaff(a, server.admin, admin, { name: username, username, role: 'frontdesk' })).userId
    }
    expect((await a.login(admin.userId, admin.serverPassword!)).ok).toBe(true)
    const engine = await a.engineFor(admin, undefined, {
      afterChannel: async (ch) => {
        if (ch.tables.includes('keyrings')) await acceptGrants(a.storage, admin)
      },
    })
    expect((await engine.runOnce()).state).toBe('idle')

    // The operator's own key pairs, and what they can read on the server: the admin's public ECDH key.
    const operator = await exportUserKeyPairs(await generateUserKeyPairs())
    const operatorPairs = await generateUserKeyPairs()
    const adminKeyring = (await server.admin.request('GET', `lobby_org/${encodeURIComponent(`keyring:${admin.userId}`)}`)).body
    const keys = {
      kid: 'desk:2',
      realmKey: toBase64Url(await exportRawKey(await generateRealmKey())),
      indexKeyId: 'desk:2',
      indexKey: toBase64Url(await exportRawKey(await generateIndexKey())),
    }
    const box = await sealTo(await importEcdhPublicKey(adminKeyring.publicKeys.ecdh), utf8(JSON.stringify(keys)), grantContext(admin.userId, 'desk:2'))
    const grant = { _id: `grant:${admin.userId}:desk:2`, type: 'grant', userId: admin.userId, kid: 'desk:2', by: admin.userId, box, createdAt: new Date().toISOString() }
    const put = (doc: { _id: string } & Record<string, unknown>) => server.admin.request('PUT', `lobby_org/${encodeURIComponent(doc._id)}`, { body: doc })
    await put({ ...grant, sig: await sign(operatorPairs.ecdsa.privateKey, utf8(canonicalJson(grant))) })
    // A made-up agent (an accounts-realm holder) with the operator's keys, "certified by the admin".
    const fake = 'fake-agent'
    await put({ _id: `account:${fake}`, type: 'account', userId: fake, login: 'x', role: 'manager', status: 'active', setup: 'done', createdBy: admin.userId, createdAt: new Date().toISOString() })
    await put({ _id: `keyring:${fake}`, type: 'keyring', userId: fake, publicKeys: { ecdh: operator.ecdh.publicJwk, ecdsa: operator.ecdsa.publicJwk }, locked: { userId: fake, kdf: {}, ct: 'x' } })
    const cert = { v: 1, orgId: 'x', userId: fake, role: 'manager', ecdh: operator.ecdh.publicJwk, ecdsa: operator.ecdsa.publicJwk, by: admin.userId, at: new Date().toISOString() }
    await put({ _id: `cert:${fake}`, type: 'cert', ...cert, sig: await sign(operatorPairs.ecdsa.privateKey, utf8(canonicalJson(cert))) })
    // …and a staying colleague's keyring swapped for the operator's public keys.
    const zhao = (await server.admin.request('GET', `lobby_org/${encodeURIComponent(`keyring:${staff['zhao.desk']}`)}`)).body
    await put({ ...zhao, publicKeys: { ecdh: operator.ecdh.publicJwk, ecdsa: operator.ecdsa.publicJwk } })

    expect((await engine.runOnce()).state).toBe('idle')
    expect(admin.keyring.realmKeys.has('desk:2')).toBe(false)
    expect(currentKid(admin.keyring, 'desk')).toBe('desk:1')
    expect((await a.storage.quarantined()).map((q) => q.docId)).toContain(grant._id)

    // A departure afterwards seals the new keys to certified keys only: the operator's private key opens none.
    const result = await deactivateStaff(a.storage, admin, staff['li.desk']!)
    if (!result.ok) throw new Error(result.problem)
    for (const r of result.rotations) expect(r.holders).not.toContain(fake)
    expect(currentKid(admin.keyring, 'desk')).toBe('desk:2')
    const grants = await a.storage.grants.all()
    expect(grants.map((g) => g.userId)).toContain(staff['zhao.desk'])
    for (const g of grants) {
      await expect(openSealed((await crypto.subtle.importKey('jwk', operator.ecdh.privateJwk, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits'])), g.box, grantContext(g.userId, g.kid))).rejects.toMatchObject({ name: 'CryptoError' })
    }
  })
})
