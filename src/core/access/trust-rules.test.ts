import { describe, expect, it } from 'vitest'
import { acceptableEpoch, mayCertify, mayGrant, nextEpochAfter } from './trust-rules'

describe('CONF-9 trust rules', () => {
  it('only admins and managers certify, and only an admin certifies an admin', () => {
    expect(mayCertify('admin', 'admin')).toBe(true)
    expect(mayCertify('admin', 'frontdesk')).toBe(true)
    expect(mayCertify('manager', 'agent')).toBe(true)
    expect(mayCertify('manager', 'manager')).toBe(true)
    expect(mayCertify('manager', 'admin')).toBe(false)
    for (const role of ['frontdesk', 'agent', 'technician', 'lead', 'member'] as const) expect(mayCertify(role, 'frontdesk')).toBe(false)
  })

  it('a realm key goes only from an admin or manager to a role that holds the realm; nobody grants accounts to the front desk', () => {
    expect(mayGrant('admin', 'frontdesk', { kind: 'realm', realm: 'desk', epoch: 2 })).toBe(true)
    expect(mayGrant('manager', 'agent', { kind: 'realm', realm: 'accounts', epoch: 2 })).toBe(true)
    expect(mayGrant('admin', 'frontdesk', { kind: 'realm', realm: 'accounts', epoch: 2 })).toBe(false)
    expect(mayGrant('frontdesk', 'admin', { kind: 'realm', realm: 'desk', epoch: 99 })).toBe(false)
    expect(mayGrant('lead', 'frontdesk', { kind: 'realm', realm: 'desk', epoch: 2 })).toBe(false)
    expect(mayGrant('admin', 'technician', { kind: 'realm', realm: 'field', epoch: 2 })).toBe(false)
  })

  it('issue 15: a technician\'s realm key goes from an admin or manager to that technician, a lead, a manager or an admin only', () => {
    const kid = { kind: 'realm', realm: 'tech:t1', epoch: 2 } as const
    expect(mayGrant('manager', 'technician', kid, 't1')).toBe(true)
    expect(mayGrant('admin', 'lead', kid, 'l1')).toBe(true)
    expect(mayGrant('manager', 'manager', kid, 'm2')).toBe(true)
    expect(mayGrant('manager', 'admin', kid, 'a1')).toBe(true)
    expect(mayGrant('manager', 'technician', kid, 't2')).toBe(false)
    expect(mayGrant('manager', 'technician', kid)).toBe(false)
    expect(mayGrant('admin', 'agent', kid, 'g1')).toBe(false)
    expect(mayGrant('admin', 'frontdesk', kid, 'd1')).toBe(false)
    expect(mayGrant('lead', 'lead', kid, 'l2')).toBe(false)
    expect(mayGrant('manager', 'lead', { kind: 'realm', realm: 'member:m-1', epoch: 1 }, 'l1')).toBe(false)
  })

  it('an audit key goes only to a manager or an admin', () => {
    expect(mayGrant('manager', 'manager', { kind: 'audit', epoch: 2 })).toBe(true)
    expect(mayGrant('admin', 'admin', { kind: 'audit', epoch: 2 })).toBe(true)
    expect(mayGrant('admin', 'lead', { kind: 'audit', epoch: 2 })).toBe(false)
    expect(mayGrant('agent', 'manager', { kind: 'audit', epoch: 2 })).toBe(false)
  })

  it('epochs move one step past one held, never to a huge or repeated one', () => {
    expect(acceptableEpoch([1], 2)).toBe(true)
    expect(acceptableEpoch([1, 2], 3)).toBe(true)
    expect(acceptableEpoch([1], 99)).toBe(false)
    expect(acceptableEpoch([1, 2], 2)).toBe(false)
    expect(acceptableEpoch([Number.MAX_SAFE_INTEGER], 2 ** 53)).toBe(false)
    expect(acceptableEpoch([0], 1)).toBe(false)
    // Issue 15: a technician's realm is opened by a grant (any epoch when none is held), then one step at a time.
    expect(acceptableEpoch([], 1)).toBe(false)
    expect(acceptableEpoch([], 1, { opens: true })).toBe(true)
    expect(acceptableEpoch([], 3, { opens: true })).toBe(true)
    expect(acceptableEpoch([], 0, { opens: true })).toBe(false)
    expect(acceptableEpoch([], 2 ** 53, { opens: true })).toBe(false)
    expect(acceptableEpoch([1], 3, { opens: true })).toBe(false)
    expect(acceptableEpoch([1], 2, { opens: true })).toBe(true)
    expect(nextEpochAfter([1, 3, 2])).toBe(4)
    expect(nextEpochAfter([])).toBe(1)
    expect(nextEpochAfter([Number.MAX_SAFE_INTEGER])).toBeUndefined()
    expect(nextEpochAfter([2 ** 53, 1])).toBe(2)
  })
})
