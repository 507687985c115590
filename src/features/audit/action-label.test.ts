import { describe, expect, it } from 'vitest'
import { supportedLocales } from '@/core/shared/locale'
import { platformAuditActions as auditActions } from '@/storage/audit-events'
import { actionLabel } from './action-label'

/** Looks like a message key or an action name rather than words: lower-case parts joined by dots. */
const looksLikeKey = /^[a-z]+(\.[a-zA-Z0-9-]+)+$/

describe('CONF-6 audit actions have words in both languages', () => {
  for (const locale of supportedLocales) {
    it(`every action the code can write reads as words in ${locale}`, () => {
      const unnamed = auditActions.filter((a) => {
        const label = actionLabel(a, locale)
        return label === a || label.includes('audit.actions') || looksLikeKey.test(label)
      })
      expect(unnamed).toEqual([])
    })
  }

  it('the two languages do not share words for an action (zh-CN is translated)', () => {
    expect(auditActions.filter((a) => actionLabel(a, 'en') === actionLabel(a, 'zh-CN'))).toEqual([])
  })

  it('an action this version does not know (written by a newer app) shows as words, not as its key', () => {
    const label = actionLabel('visitor.badge-print', 'en')
    expect(label).not.toContain('audit.actions')
    expect(label).not.toMatch(looksLikeKey)
    expect(label).toMatch(/visitor badge print/i)
  })
})
