import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { defaultReceptionSettings } from '@/core/reception/defaults'
import { openSealed } from '@/crypto/sealed-box'
import { completeFirstSignIn } from '@/identity/first-sign-in'
import { createOrganisation } from '@/identity/organisation'
import type { Session } from '@/identity/session'
import { signIn } from '@/identity/sign-in'
import { createStaff } from '@/identity/staff-accounts'
import { testFounder, testKdfCost } from '@/identity/testing'
import type { IncidentDoc } from '@/storage/documents'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { createTestStorage } from '@/storage/testing'

type Name = 'desk1' | 'desk2' | 'host1' | 'mgr1'

/** One device: the founder, two front-desk colleagues, a host (agent) and a manager, each signed in once (so certified). */
async function organisation() {
  const t = createTestStorage()
  const org = await createOrganisation(t.storage, testFounder, testKdfCost)
  if (!org.ok) throw new Error(org.problem)
  const users: Partial<Record<Name, Session>> = {}
  for (const [username, role] of [['desk1', 'frontdesk'], ['desk2', 'frontdesk'], ['host1', 'agent'], ['mgr1', 'manager']] as const) {
    t.setKeys(keySourceFrom(org.session.keyring))
    const created = await createStaff(t.storage, org.session, { name: username, username, role }, testKdfCost)
    if (!created.ok) throw new Error(created.problem)
    const first = await signIn(t.storage, username, created.setupCode)
    if (first.status !== 'setup-required') throw new Error(first.status)
    const done = await completeFirstSignIn(t.storage, first.pending, { passphrase: `green tea every single morning ${username.length}${role.length}`, agreementAccepted: true }, testKdfCost)
    if (!done.ok) throw new Error(done.problem)
    users[username] = done.session
  }
  const all = users as Record<Name, Session>
  const as = (name: Name) => t.setKeys(keySourceFrom(all[name].keyring))
  return { ...t, users: all, as }
}

const at = Date.UTC(2026, 11, 7, 9, 30)
const note = '访客王小明在三楼走廊，未佩戴访客证'

describe('REC-7: an incident is sealed to the person concerned and to the managers, never to the desk', { timeout: 90_000 }, () => {
  it('REC-7: the host and a manager open the desk\'s "seen without a badge"; the stored document holds no note, kind or name in clear', async () => {
    const { storage, db, users, as } = await organisation()
    as('desk1')
    const ladder = defaultReceptionSettings().ladders['no-badge']
    const id = await storage.incidents.record({ kind: 'no-badge', staffId: users.host1.userId, visitId: 'visit:v1', note, at, day: '2026-12-07' }, ladder)
    const raw = JSON.stringify(await db.notices.get(id))
    expect(raw).not.toContain(note)
    expect(raw).not.toContain('no-badge')
    expect(raw).not.toContain('visit:v1')
    expect(raw).not.toContain('2026-12-07')

    as('host1')
    const mine = await storage.incidents.mine()
    expect(mine).toEqual([expect.objectContaining({ id, kind: 'no-badge', staffId: users.host1.userId, note, at, day: '2026-12-07', by: users.desk1.userId })])
    // REC-7: the host holds no desk realm key to read the settings with: the ladder as it stood comes sealed with it.
    expect(mine[0]!.ladder).toEqual(ladder)

    as('mgr1')
    const read = await storage.incidents.all(users.mgr1.keyring.auditPrivate!)
    expect(read).toEqual([expect.objectContaining({ id, kind: 'no-badge', staffId: users.host1.userId, note, by: users.desk1.userId })])
  })

  it('REC-7: a front-desk colleague (who holds the desk realm key) opens neither copy, not even the author', async () => {
    const { storage, db, users, as } = await organisation()
    as('desk1')
    const id = await storage.incidents.record({ kind: 'no-badge', staffId: users.host1.userId, note, at, day: '2026-12-07' })
    as('desk2')
    expect(await storage.incidents.mine()).toEqual([])
    const doc = (await db.notices.get(id)) as IncidentDoc
    for (const key of [users.desk2.keyring.userKeys.ecdh.privateKey, users.desk1.keyring.userKeys.ecdh.privateKey]) {
      await expect(openSealed(key, doc.box, `incident|${id}|${doc.by}|subject`)).rejects.toMatchObject({ code: 'tampered' })
      await expect(openSealed(key, doc.auditBox, `incident|${id}|${doc.by}|audit`)).rejects.toMatchObject({ code: 'tampered' })
    }
    // Without the audit private key there is nothing to read the managers' copy with.
    expect(users.desk2.keyring.auditPrivate).toBeUndefined()
  })

  it('REC-7: a manager records an improper reception against any staff member; the desk may not', async () => {
    const { storage, users, as } = await organisation()
    as('desk1')
    await expect(storage.incidents.record({ kind: 'improper-reception', staffId: users.desk2.userId, note, at, day: '2026-12-07' })).rejects.toThrow(/manager/)
    as('mgr1')
    const id = await storage.incidents.record({ kind: 'improper-reception', staffId: users.desk2.userId, note, at, day: '2026-12-07' })
    as('desk2')
    expect((await storage.incidents.mine()).map((i) => i.id)).toEqual([id])
  })

  it('REC-7: an incident whose signature is not its author\'s is set aside, not shown', async () => {
    const { storage, db, users, as } = await organisation()
    as('desk1')
    const id = await storage.incidents.record({ kind: 'no-badge', staffId: users.host1.userId, note, at, day: '2026-12-07' })
    const doc = (await db.notices.get(id)) as IncidentDoc
    // desk2 claims desk1's incident as theirs: the signature no longer verifies for that author.
    await db.notices.put({ ...doc, by: users.desk2.userId })
    as('host1')
    expect(await storage.incidents.mine()).toEqual([])
    expect((await storage.quarantined()).map((q) => q.docId)).toContain(id)
  })
})
