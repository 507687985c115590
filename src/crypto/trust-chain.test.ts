import { describe, expect, it } from 'vitest'
import { keyFingerprint, signCertificate } from './certificates'
import { createChainVerifier } from './trust-chain'
import { exportUserKeyPairs, generateUserKeyPairs, type UserKeyPairs } from './user-keys'

const orgId = 'org-1'
const at = '2026-12-06T10:00:00Z'

async function person() {
  const pairs = await generateUserKeyPairs()
  return { pairs, jwks: await exportUserKeyPairs(pairs) }
}
type Person = Awaited<ReturnType<typeof person>>
const certify = (subject: Person, userId: string, role: string, by: string, certifier: UserKeyPairs) =>
  signCertificate({ orgId, userId, role, ecdh: subject.jwks.ecdh.publicJwk, ecdsa: subject.jwks.ecdsa.publicJwk, by, at }, certifier.ecdsa.privateKey)

describe('CONF-9 certificate chains back to the pinned root', () => {
  it('accepts root → manager → front desk, and refuses what does not lead to the pinned root', async () => {
    const [root, boss, desk, mallory] = await Promise.all([person(), person(), person(), person()])
    const certs = new Map([
      ['root', await certify(root, 'root', 'admin', 'root', root.pairs)],
      ['boss', await certify(boss, 'boss', 'manager', 'root', root.pairs)],
      ['desk', await certify(desk, 'desk', 'frontdesk', 'boss', boss.pairs)],
      // Signed by a key nobody certified, claiming to be the root's work.
      ['fake', await certify(mallory, 'fake', 'agent', 'root', mallory.pairs)],
      // A front-desk user vouching for someone.
      ['friend', await certify(mallory, 'friend', 'agent', 'desk', desk.pairs)],
      // A manager vouching for an admin.
      ['admin2', await certify(mallory, 'admin2', 'admin', 'boss', boss.pairs)],
    ])
    const active = new Set(['root', 'boss', 'desk'])
    const chain = createChainVerifier({ orgId, userId: 'root', publicJwk: root.jwks.ecdsa.publicJwk }, (id) => certs.get(id), (id) => active.has(id))
    expect(await chain.verify('desk')).toMatchObject({ ok: true, cert: { role: 'frontdesk' } })
    expect(await chain.verify('fake')).toMatchObject({ ok: false, reason: expect.stringContaining('bad signature') })
    expect(await chain.verify('friend')).toMatchObject({ ok: false })
    expect(await chain.verify('admin2')).toMatchObject({ ok: false, reason: 'a manager may not certify a admin' })
    expect(await chain.verify('nobody')).toMatchObject({ ok: false })

    // Another root pinned: nothing verifies. A deactivated certifier's certificates stop counting.
    const other = createChainVerifier({ orgId, userId: 'root', publicJwk: mallory.jwks.ecdsa.publicJwk }, (id) => certs.get(id), () => true)
    expect(await other.verify('desk')).toMatchObject({ ok: false })
    const bossGone = createChainVerifier({ orgId, userId: 'root', publicJwk: root.jwks.ecdsa.publicJwk }, (id) => certs.get(id), (id) => id !== 'boss')
    expect(await bossGone.verify('desk')).toMatchObject({ ok: false, reason: expect.stringContaining('not active') })
    // A certificate altered after signing (another role) fails.
    certs.set('desk', { ...certs.get('desk')!, role: 'manager' })
    expect(await createChainVerifier({ orgId, userId: 'root', publicJwk: root.jwks.ecdsa.publicJwk }, (id) => certs.get(id), () => true).verify('desk')).toMatchObject({ ok: false })
  })

  it('refuses a loop of certificates', async () => {
    const [root, a, b] = await Promise.all([person(), person(), person()])
    const certs = new Map([
      ['a', await certify(a, 'a', 'manager', 'b', b.pairs)],
      ['b', await certify(b, 'b', 'manager', 'a', a.pairs)],
    ])
    const chain = createChainVerifier({ orgId, userId: 'root', publicJwk: root.jwks.ecdsa.publicJwk }, (id) => certs.get(id), () => true)
    expect(await chain.verify('a')).toMatchObject({ ok: false })
  })

  it('shows a fingerprint as 16 groups of 4 hex digits, the same for the same key whatever extra JWK fields', async () => {
    const p = await person()
    const fp = await keyFingerprint(p.jwks.ecdsa.publicJwk)
    expect(fp).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/)
    expect(await keyFingerprint({ ...p.jwks.ecdsa.publicJwk, key_ops: ['verify'], ext: true })).toBe(fp)
    expect(await keyFingerprint(p.jwks.ecdh.publicJwk)).not.toBe(fp)
  })
})
