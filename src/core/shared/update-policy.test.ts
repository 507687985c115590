import { describe, expect, it } from 'vitest'
import { shouldApplyUpdateUnasked, type UpdateSituation } from './update-policy'

const idleDesk: UpdateSituation = { deviceKind: 'frontdesk', updateWaiting: true, idle: true, hasUnsavedWork: false }

describe('unattended update on a front-desk device', () => {
  it('applies a waiting update on an idle front-desk tablet with nothing unsaved', () => {
    expect(shouldApplyUpdateUnasked(idleDesk)).toBe(true)
  })
  it('never reloads under a half-typed form', () => {
    expect(shouldApplyUpdateUnasked({ ...idleDesk, hasUnsavedWork: true })).toBe(false)
  })
  it('waits while someone is using the tablet', () => {
    expect(shouldApplyUpdateUnasked({ ...idleDesk, idle: false })).toBe(false)
  })
  it('always asks on a personal device', () => {
    expect(shouldApplyUpdateUnasked({ ...idleDesk, deviceKind: 'personal' })).toBe(false)
  })
  it('does nothing when no update is waiting', () => {
    expect(shouldApplyUpdateUnasked({ ...idleDesk, updateWaiting: false })).toBe(false)
  })
})
