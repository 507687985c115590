// @vitest-environment node
// REC-5 on the server: only the principal (a manager) writes a visit approval into lobby_desk, as themselves, once.
// The generated validate_doc_update, run as CouchDB would run it (like provision-rules.test.ts).
import { describe, expect, it } from 'vitest'
import { rulesFor } from '../../server/provision/rules.js'
import { validateSource } from '../../server/provision/validate-source.js'
import { sharedRealms } from '../../src/core/access/access-policy.js'
import { principalRoles } from '../../src/core/reception/restricted'

type UserCtx = { name: string | null; roles: string[] }
type Validate = (newDoc: object, oldDoc: object | null, userCtx: UserCtx, secObj: object) => void

const validate = new Function(`return (${validateSource(rulesFor('desk'))})`)() as Validate

function verdict(newDoc: object, oldDoc: object | null, userCtx: UserCtx): unknown {
  try {
    validate(newDoc, oldDoc, userCtx, {})
    return 'ok'
  } catch (err) {
    return err
  }
}

/** A sealed approval as the app writes it, by `by`. */
const approval = (by: string) => ({ _id: 'visit-approval:a1', type: 'visit-approval', realm: 'desk', kid: 'desk:1', v: 1, by, ct: 'AAAA' })
const principal = { name: 'boss', roles: ['manager'] }

describe('visit approvals on the server (REC-5)', () => {
  it('REC-5: the server’s writers of visit-approval are the principal’s roles, no more', () => {
    expect([...sharedRealms.desk.typeWriters['visit-approval']]).toEqual([...principalRoles])
  })

  it('REC-5: a manager (the principal) writes an approval as themselves', () => {
    expect(verdict(approval('boss'), null, principal)).toBe('ok')
    expect(verdict(approval('desk1'), null, principal)).toMatchObject({ forbidden: expect.stringContaining('"by"') })
  })

  it('REC-5: the desk, a lead and an admin (the key custodian) are refused, though they hold the desk realm', () => {
    for (const role of ['frontdesk', 'lead', 'admin']) {
      expect(verdict(approval('someone'), null, { name: 'someone', roles: [role] }), role).toMatchObject({ forbidden: expect.stringContaining('"visit-approval"') })
    }
  })

  it('REC-5: an approval is an event: the principal cannot change or delete it afterwards', () => {
    const stored = { ...approval('boss'), _rev: '1-a' }
    expect(verdict({ ...stored, ct: 'BBBB' }, stored, principal)).toMatchObject({ forbidden: expect.any(String) })
    expect(verdict({ _id: stored._id, _rev: '1-a', _deleted: true, type: 'visit-approval', realm: 'desk', by: 'boss' }, stored, principal)).toMatchObject({ forbidden: expect.any(String) })
  })
})
