import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import type { FeatureModule } from '@/features/module'
import { actionLabel } from '@/features/audit/action-label'
import { auditActionWordsOf } from './compose-modules'

vi.stubGlobal('navigator', { onLine: true, languages: ['en'], language: 'en' })
vi.mock('virtual:pwa-register/vue', () => ({ useRegisterSW: () => ({}) }))
const { modules } = await import('./modules')

/** Looks like a message key or an action name rather than words: lower-case parts joined by dots. */
const looksLikeKey = /^[a-z]+(\.[a-zA-Z0-9-]+)+$/
const module = (name: string, auditActions: FeatureModule['auditActions']): FeatureModule => ({ name, routes: [], auditActions })

// Issue 9: a desk brings its audit actions and their words in its module; no platform list changes for it.
describe('CONF-6: the features’ audit actions, composed from their modules', () => {
  const actions = auditActionWordsOf(modules)

  it('holds the reception desk’s actions (REC-2, REC-5), each with words in both languages, translated', () => {
    expect(Object.keys(actions)).toEqual(expect.arrayContaining(['reception.change', 'reception.approve']))
    for (const action of Object.keys(actions)) {
      const [en, zh] = [actionLabel(action, 'en', actions), actionLabel(action, 'zh-CN', actions)]
      expect(en, action).not.toMatch(looksLikeKey)
      expect(zh, action).not.toMatch(looksLikeKey)
      expect(zh, action).not.toBe(en)
    }
  })

  it('refuses an action not named after its module, one another module or the platform writes, or one without words in a language', () => {
    const words = { en: 'Visitor badge printed', 'zh-CN': '打印了访客证' }
    expect(() => auditActionWordsOf([module('reception', { 'badge.print': words })])).toThrow(/not named reception/)
    expect(() => auditActionWordsOf([module('reception', { 'reception.': words })])).toThrow(/not named reception/)
    expect(() => auditActionWordsOf([module('card', { 'card.forged': words })])).toThrow(/already written/)
    expect(() => auditActionWordsOf([module('a', { 'a.b': words }), module('a', { 'a.b': words })])).toThrow(/already written/)
    expect(() => auditActionWordsOf([module('a', { 'a.b': { en: 'Something', 'zh-CN': ' ' } })])).toThrow(/no zh-CN words/)
    expect(auditActionWordsOf([module('a', { 'a.b': words })])).toEqual({ 'a.b': words })
  })
})
