import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The lint rule is the guard that keeps src/core pure (ARCHITECTURE.md "Layers"); prove it bites.
const eslint = new ESLint()
async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal')
}

// The first lint loads the whole config and its parsers: slow on a busy machine, so no 5 s default.
describe('src/core purity lint', { timeout: 60_000 }, () => {
  it.each([
    ["import { ref } from 'vue'\nexport const a = ref", 'no-restricted-imports'],
    ["import Dexie from 'dexie'\nexport const a = Dexie", 'no-restricted-imports'],
    ["import PouchDB from 'pouchdb-browser'\nexport const a = PouchDB", 'no-restricted-imports'],
    ["import { defineStore } from 'pinia'\nexport const a = defineStore", 'no-restricted-imports'],
    ['export const w = () => window.innerWidth', 'no-restricted-globals'],
    ['export const d = () => document.title', 'no-restricted-globals'],
  ])('refuses %s in src/core', async (code, rule) => {
    expect(await ruleIdsFor(code, 'src/core/shared/example.ts')).toContain(rule)
  })

  it('allows plain TypeScript in src/core', async () => {
    expect(await ruleIdsFor('export const add = (a: number, b: number): number => a + b\n', 'src/core/shared/example.ts')).toEqual([])
  })

  it('allows the same imports outside src/core', async () => {
    expect(await ruleIdsFor("import { ref } from 'vue'\nexport const a = ref\n", 'src/platform/example.ts')).toEqual([])
  })

  it('keeps features away from the database libraries', async () => {
    expect(await ruleIdsFor("import Dexie from 'dexie'\nexport const a = Dexie\n", 'src/features/x/example.ts')).toContain(
      'no-restricted-imports',
    )
  })
})
