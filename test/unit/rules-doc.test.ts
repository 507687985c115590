import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// docs/rules.md is where the product rules live in the repository (issue 9 §7):
// every rule id the code or a test names must be explained there, and the doc
// holds exactly the rules of the business's regulations, no more, no fewer.
const root = resolve(__dirname, '../..')
const ruleId = /\b(CONF|MEM|BB|REC|SVC|CUST)-(\d+)\b/g
const heading = /^#{2,4} ((?:CONF|MEM|BB|REC|SVC|CUST)-\d+)\b/gm

/** How many rules each family has in the regulations (the source's own numbering). */
const rulesPerPrefix: Record<string, number> = { CONF: 11, MEM: 10, BB: 13, REC: 7, SVC: 5, CUST: 2 }

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

function idsIn(text: string): string[] {
  return [...text.matchAll(ruleId)].map((m) => m[0])
}

function readRulesDoc(): string {
  const path = join(root, 'docs/rules.md')
  return existsSync(path) ? readFileSync(path, 'utf8') : ''
}

describe('docs/rules.md', () => {
  const doc = readRulesDoc()
  const headed = [...doc.matchAll(heading)].map((m) => m[1] as string)

  it('exists', () => {
    expect(doc).not.toBe('')
  })

  it('gives each rule id one heading', () => {
    expect(headed.length).toBe(new Set(headed).size)
  })

  it('has every rule of the regulations, numbered from 1 without gaps, and nothing else', () => {
    const byPrefix: Record<string, number[]> = {}
    for (const id of headed) {
      const [prefix, n] = id.split('-') as [string, string]
      ;(byPrefix[prefix] ??= []).push(Number(n))
    }
    for (const [prefix, count] of Object.entries(rulesPerPrefix)) {
      const expected = Array.from({ length: count }, (_, i) => i + 1)
      expect([...(byPrefix[prefix] ?? [])].sort((a, b) => a - b), prefix).toEqual(expected)
    }
    const total = Object.values(rulesPerPrefix).reduce((a, b) => a + b, 0)
    expect(headed.length).toBe(total)
  })

  it('explains every rule id that src/ or test/ names', () => {
    const named = new Set(
      ['src', 'test'].flatMap((dir) => filesUnder(join(root, dir))).flatMap((file) => idsIn(readFileSync(file, 'utf8'))),
    )
    expect(named.size).toBeGreaterThan(0)
    expect([...named].filter((id) => !headed.includes(id)).sort()).toEqual([])
  })

  it('refers only to rule ids it defines', () => {
    expect([...new Set(idsIn(doc))].filter((id) => !headed.includes(id)).sort()).toEqual([])
  })
})
