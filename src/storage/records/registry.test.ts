import 'fake-indexeddb/auto'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { appendOnlyTypes } from '../append-only'
// Loading the repositories defines every realm's types, as the app does.
import '../lobby-storage'
import { defineEvents, defineMutable, defineSingleton, eventTypesOf } from './index'

const schema = v.object({ note: v.string() })

describe('record type registry (issue 9 §2)', () => {
  it('refuses a type name another realm already uses', () => {
    expect(() => defineMutable({ type: 'person', realm: 'desk', version: 1, schema })).toThrow(/already used by realm "directory"/)
    expect(() => defineMutable({ type: 'member', realm: 'directory', version: 1, schema })).toThrow(/already used by realm "desk"/)
  })

  it("refuses sync's own document types: their documents go to other tables", () => {
    for (const type of ['org', 'login', 'account', 'keyring', 'grant', 'device', 'cert', 'audit-key', 'audit', 'audit-head']) {
      expect(() => defineMutable({ type, realm: 'field', version: 1, schema }), type).toThrow(/reserved by sync/)
    }
  })

  it('refuses one type defined twice with different shapes', () => {
    expect(() => defineSingleton({ type: 'member', realm: 'desk', version: 1, schema })).toThrow(/already defined as mutable/)
  })

  it('keeps events and the append-only list (which the server enforces) in step', () => {
    expect(() => defineEvents({ type: 'kit-test-note', realm: 'field', version: 1, schema })).toThrow(/not an append-only type/)
    expect(() => defineMutable({ type: 'kit-test-ledger', realm: 'field', version: 1, schema })).not.toThrow()
    expect(() => defineMutable({ type: 'ledger', realm: 'desk', version: 1, schema })).toThrow()
    // Storage defines the membership desk's events; a feature's own (reception's) are checked with them in its folder
    // (features/reception/reception-records.test.ts), since storage may not import a feature.
    expect(appendOnlyTypes).toEqual(expect.arrayContaining(eventTypesOf('desk')))
  })
})
