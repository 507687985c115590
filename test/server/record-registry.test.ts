// @vitest-environment node
// Issue 9 §2: the records kit refuses the server's reserved document types as record type names.
import 'fake-indexeddb/auto'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { RESERVED_TYPES, rulesFor } from '../../server/provision/rules.js'
import { defineMutable, definedRecordTypes } from '../../src/storage/records'
import '../../src/storage/lobby-storage'

describe('record type registry and the server rules', () => {
  it('refuses every type the server reserves for the typed databases and the audit log', () => {
    for (const type of RESERVED_TYPES) {
      expect(() => defineMutable({ type, realm: 'desk', version: 1, schema: v.object({}) }), type).toThrow(/reserved by sync/)
    }
  })

  it('defines no type the server would refuse in a realm database', () => {
    const reserved: readonly string[] = RESERVED_TYPES
    for (const [type, { realm }] of definedRecordTypes()) {
      expect(reserved, type).not.toContain(type)
      expect(rulesFor(realm).reservedTypes ?? [], type).not.toContain(type)
    }
  })
})
