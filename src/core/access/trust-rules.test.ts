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
    expect(nextEpochAfter([1, 3, 2])).toBe(4)
    expect(nextEpochAfter([])).toBe(1)
    expect(nextEpochAfter([Number.MAX_SAFE_INTEGER])).toBeUndefined()
    expect(nextEpochAfter([2 ** 53, 1])).toBe(2)
  })
})
