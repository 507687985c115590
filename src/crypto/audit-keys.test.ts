import { describe, expect, it } from 'vitest'
import { auditKeyEpoch, auditKeyId, firstAuditKid } from './audit-keys'
import { isCryptoError } from './errors'

describe('CONF-9 audit key ids', () => {
  it('names epochs audit:<n> from 1 and reads them back', () => {
    expect(firstAuditKid).toBe('audit:1')
    expect(auditKeyId(2)).toBe('audit:2')
    expect(auditKeyEpoch('audit:12')).toBe(12)
    expect(() => auditKeyId(0)).toThrow(expect.toSatisfy((e: unknown) => isCryptoError(e, 'malformed')) as Error)
  })
  it('is not fooled by other ids', () => {
    for (const kid of ['audit:0', 'audit:01', 'audit:', 'audit', 'desk:2', 'audit:2:1', 'audit:x', 2, undefined]) expect(auditKeyEpoch(kid)).toBeUndefined()
  })
})
