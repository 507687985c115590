import { describe, expect, it } from 'vitest'
import { ledgerKinds } from '@/core/broadband/schemas'
import type { SelfStatementLine } from '@/core/self-service/schemas'
import { lateFeeParts, lineParts } from './self-line-words'
import { selfServiceMessages } from './self-service.messages'
import { buildSelfViews } from './self-views.fixture'

/** The word at a dotted key, in one language's messages. */
const wordAt = (messages: object, key: string): unknown => key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], messages)

const base: SelfStatementLine = { id: 'l', kind: 'charge', on: '2026-02-01', debit: 100, credit: 0, balance: 100, dispute: { state: 'open' } }
const details: SelfStatementLine[] = [
  ...ledgerKinds.map((kind) => ({ ...base, kind })),
  { ...base, receiptNo: 'R-1', kind: 'payment', debit: 0, credit: 100 },
  { ...base, month: '2026-02', detail: { kind: 'monthly-fee', run: 'r', monthlyFee: 100, days: 10, daysInMonth: 28 } },
  { ...base, kind: 'credit', month: '2026-02', detail: { kind: 'outage', outageId: 'o', days: 2, daysInMonth: 28, monthlyFee: 100 } },
  { ...base, kind: 'back-charge', month: '2026-02', detail: { kind: 'line-sharing', terminals: 2, singlePortFee: 50 } },
  { ...base, kind: 'credit', detail: { kind: 'dispute', disputeId: 'd' } },
  { ...base, kind: 'refund', detail: { kind: 'correction', of: 'x' } },
]

describe('statement words on the member’s phone', () => {
  it('has a word in both languages for every part of every kind of line and for the late-fee formula', () => {
    const statement = buildSelfViews().months[0]!
    const parts = [...details, ...statement.lines].flatMap((l) => lineParts('a', l, 'en')).concat(lateFeeParts(statement, 'en') ?? [])
    for (const { key } of parts) {
      expect(typeof wordAt(selfServiceMessages.en, key), key).toBe('string')
      expect(typeof wordAt(selfServiceMessages['zh-CN'], key), key).toBe('string')
    }
  })

  it('prints the BB-5 formula: each stretch amount × days × 3‰, then the total less what was charged before', () => {
    const parts = lateFeeParts(buildSelfViews().months[0]!, 'en')!
    expect(parts.map((p) => p.key)).toEqual(['selfService.line.lateFee', 'selfService.line.lateFeeSegment', 'selfService.line.lateFeeTotal'])
    expect(parts[1]!.params).toMatchObject({ amount: '¥100.00', days: 19, rate: '3‰', result: '¥5.70' })
    expect(parts[2]!.params).toMatchObject({ cumulative: '¥5.70', charged: '¥0.00', result: '¥5.70' })
  })

  it('shows no formula for a month where nothing was overdue', () => {
    expect(lateFeeParts(buildSelfViews().months[1]!, 'en')).toBeUndefined()
  })
})
