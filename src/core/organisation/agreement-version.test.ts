import { describe, expect, it } from 'vitest'
import { agreementDue, nextAgreementVersion } from './agreement-version'

describe('CONF-8 agreement versions', () => {
  it('CONF-8: an account that never accepted must accept', () => {
    expect(agreementDue({}, 1)).toBe(true)
  })

  it('CONF-8: an account that accepted the current version works on; an older one accepts again', () => {
    expect(agreementDue({ agreementAcceptedAt: '2027-01-01T00:00:00Z', agreementVersion: 2 }, 2)).toBe(false)
    expect(agreementDue({ agreementAcceptedAt: '2027-01-01T00:00:00Z', agreementVersion: 2 }, 3)).toBe(true)
  })

  it('CONF-8: an acceptance recorded before versions counts as version 1', () => {
    expect(agreementDue({ agreementAcceptedAt: '2026-01-01T00:00:00Z' }, 1)).toBe(false)
    expect(agreementDue({ agreementAcceptedAt: '2026-01-01T00:00:00Z' }, 2)).toBe(true)
  })

  it('CONF-8: a save gives a new version only when the text changed (spacing at the ends aside)', () => {
    const saved = { version: 3, 'zh-CN': '保密', en: 'Keep it secret.' }
    expect(nextAgreementVersion(saved, { 'zh-CN': '保密 ', en: 'Keep it secret.' })).toBe(3)
    expect(nextAgreementVersion(saved, { 'zh-CN': '保密', en: 'Keep it all secret.' })).toBe(4)
  })
})
