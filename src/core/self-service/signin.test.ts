import { describe, expect, it } from 'vitest'
import { passwordReminderDays, passwordReminderDue } from './signin'

const day = 24 * 3600_000
const setAt = Date.parse('2026-06-01T00:00:00Z')

describe('BB-11 the reminder to change a member\'s password', () => {
  it('is due once the password is as old as the setting says, not a moment before', () => {
    expect(passwordReminderDue(setAt, setAt + 89 * day, 90)).toBe(false)
    expect(passwordReminderDue(setAt, setAt + 90 * day - 1, 90)).toBe(false)
    expect(passwordReminderDue(setAt, setAt + 90 * day, 90)).toBe(true)
  })

  it('follows the default when the organisation set none', () => {
    expect(passwordReminderDays).toBe(180)
    expect(passwordReminderDue(setAt, setAt + 179 * day)).toBe(false)
    expect(passwordReminderDue(setAt, setAt + 180 * day)).toBe(true)
  })
})
