import { describe, expect, it } from 'vitest'
import { statusChoice } from './status-choices'

describe('status actions write the change the rule names', () => {
  it('BB-9: a suspension for a violation gives the subscriber 3 days', () => {
    expect(statusChoice('suspend', '2027-03-30', undefined, 'line-sharing')).toEqual({ name: 'suspend', to: 'suspended', reason: 'violation', violation: 'line-sharing', deadline: '2027-04-02' })
  })
  it('BB-4: a suspension for arrears has no deadline; reactivation after it is for payment', () => {
    expect(statusChoice('suspend', '2027-03-30', undefined)).toEqual({ name: 'suspend', to: 'suspended', reason: 'arrears' })
    expect(statusChoice('reactivate', '2027-04-01', 'arrears')).toEqual({ name: 'reactivate', to: 'active', reason: 'paid' })
    expect(statusChoice('reactivate', '2027-04-01', 'violation')).toEqual({ name: 'reactivate', to: 'active', reason: 'rectified' })
  })
  it('BB-12: termination by written notice says so', () => {
    expect(statusChoice('terminateByNotice', '2027-12-05', undefined)).toEqual({ name: 'terminateByNotice', to: 'terminated', reason: 'notice' })
  })
})
