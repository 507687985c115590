import { describe, expect, it } from 'vitest'
import { accountActions, arrearsBanner } from './account-actions'

const base = { status: 'active' as const, arrears: 0, notice: { open: true as const } }

describe('BB-3 arrears block everything but payment', () => {
  it('in arrears: payment stays; plan change, transfer, notice, dispute and reactivation are refused for arrears', () => {
    const a = accountActions({ ...base, arrears: 100_00 })
    expect(a.payment).toEqual({ allowed: true })
    for (const action of ['planChange', 'transfer', 'terminateByNotice', 'dispute'] as const) expect(a[action], action).toEqual({ allowed: false, reason: 'arrears' })
    expect(accountActions({ ...base, status: 'suspended', arrears: 1 }).reactivate).toEqual({ allowed: false, reason: 'arrears' })
  })

  it('in arrears the desk may still suspend and terminate for arrears (BB-4) and post the late fee (BB-5)', () => {
    const a = accountActions({ ...base, arrears: 100_00 })
    expect(a.suspend).toEqual({ allowed: true })
    expect(a.terminateForArrears).toEqual({ allowed: true })
    expect(a.lateFee).toEqual({ allowed: true })
  })

  it('out of arrears: plan change and transfer are allowed on a live agreement; terminating for arrears is not', () => {
    const a = accountActions(base)
    expect(a.planChange).toEqual({ allowed: true })
    expect(a.transfer).toEqual({ allowed: true })
    expect(a.terminateForArrears).toEqual({ allowed: false, reason: 'no-arrears' })
  })

  it('the banner says what is owed, or nothing when nothing is overdue', () => {
    expect(arrearsBanner(0)).toBeUndefined()
    expect(arrearsBanner(123_45)).toEqual({ key: 'broadband.arrears.banner', owed: 123_45 })
  })
})

describe('BB-1 status actions follow the allowed transitions', () => {
  it('pending: only starting service (and calling it off)', () => {
    const a = accountActions({ ...base, status: 'pending' })
    expect(a.startService).toEqual({ allowed: true })
    expect(a.suspend).toEqual({ allowed: false, reason: 'status' })
    expect(a.reactivate).toEqual({ allowed: false, reason: 'status' })
  })

  it('suspended: reactivation once paid; no second suspension', () => {
    const a = accountActions({ ...base, status: 'suspended' })
    expect(a.reactivate).toEqual({ allowed: true })
    expect(a.suspend).toEqual({ allowed: false, reason: 'status' })
    expect(a.startService).toEqual({ allowed: false, reason: 'status' })
  })

  it('terminated: nothing but a payment of what is still owed', () => {
    const a = accountActions({ ...base, status: 'terminated', arrears: 50_00 })
    expect(a.payment).toEqual({ allowed: true })
    for (const [name, state] of Object.entries(a)) if (name !== 'payment' && name !== 'lateFee') expect(state, name).toMatchObject({ allowed: false })
  })
})

describe('BB-12 termination by written notice only inside the window', () => {
  it('before the window the button says when it opens', () => {
    const a = accountActions({ ...base, notice: { open: false, opensOn: '2027-08-02' } })
    expect(a.terminateByNotice).toEqual({ allowed: false, reason: 'notice-window', opensOn: '2027-08-02' })
  })
})
