import { describe, expect, it } from 'vitest'
import { checkPassphrase } from './passphrase-policy'
import { afterWrongPin, checkPin, maxPinFailures, secondsUntilNextAttempt, signInDelaySeconds } from './unlock-throttle'

describe('CONF-7 unlock throttling', () => {
  it('lets the first three wrong passphrases through without delay', () => {
    expect([0, 1, 2].map(signInDelaySeconds)).toEqual([0, 0, 0])
  })
  it('doubles the delay after that, capped at five minutes', () => {
    expect([3, 4, 5, 6].map(signInDelaySeconds)).toEqual([5, 10, 20, 40])
    expect(signInDelaySeconds(30)).toBe(300)
  })
  it('counts down from the last failure', () => {
    expect(secondsUntilNextAttempt(4, 1_000, 4_000)).toBe(7)
    expect(secondsUntilNextAttempt(4, 1_000, 11_000)).toBe(0)
  })
  it('disables the PIN at the fifth wrong PIN', () => {
    expect(afterWrongPin(3)).toEqual({ failures: 4, pinDisabled: false, attemptsLeft: 1 })
    expect(afterWrongPin(maxPinFailures - 1)).toEqual({ failures: 5, pinDisabled: true, attemptsLeft: 0 })
  })
  it('accepts 4–8 digit PINs that are not one repeated digit', () => {
    expect(checkPin('2580')).toBeNull()
    expect(checkPin('12a4')).toBe('format')
    expect(checkPin('123')).toBe('format')
    expect(checkPin('123456789')).toBe('format')
    expect(checkPin('0000')).toBe('too-simple')
  })
})

describe('passphrase policy (key hierarchy: the passphrase guards the KEK)', () => {
  it('accepts a long mixed passphrase', () => {
    expect(checkPassphrase('correct horse battery staple')).toBeNull()
    expect(checkPassphrase('前台值班很辛苦但要锁屏2026')).toBeNull()
  })
  it('refuses short ones', () => {
    expect(checkPassphrase('Sh0rt!pass')).toBe('too-short')
  })
  it('refuses repeated or sequential characters', () => {
    expect(checkPassphrase('aaaaaaaaaaaaaaaa')).toBe('too-simple')
    expect(checkPassphrase('abcdefghijklmn')).toBe('too-simple')
    expect(checkPassphrase('ababababababab')).toBe('too-simple')
  })
  it('refuses a known weak word dressed up', () => {
    expect(checkPassphrase('Password1234!')).toBe('common')
  })
  it('refuses a passphrase built on the user name', () => {
    expect(checkPassphrase('liwei-secret-words', { username: 'liwei' })).toBe('contains-name')
  })
})
