import { describe, expect, it } from 'vitest'
import { badgeCheckOutProblems, badgeCheckOutProblemKey } from './badge-checkout-words'
import { receptionWords } from './reception-words'

const lookUp = (words: unknown, key: string) => key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], words)

describe('REC-6 every badge refusal is said in both languages', () => {
  it('REC-6: each reason a scanned badge checks nobody out (forged, another organisation, expired, already out, a member card…) has its words in en and zh-CN', () => {
    expect(badgeCheckOutProblems).toEqual(expect.arrayContaining(['forged', 'expired', 'already-out', 'member-card', 'not-a-badge', 'failed']))
    for (const problem of badgeCheckOutProblems) {
      const key = badgeCheckOutProblemKey(problem)
      const en = lookUp(receptionWords.en, key)
      const zh = lookUp(receptionWords['zh-CN'], key)
      expect(typeof en, `${problem} en`).toBe('string')
      expect(typeof zh, `${problem} zh-CN`).toBe('string')
      expect(zh).not.toBe(en)
    }
  })
})
