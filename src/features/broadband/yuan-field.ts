import { checkYuanText, parseYuan } from '@/core/shared/money'
import type { Fen } from '@/core/shared/units'

/** An amount typed in yuan that must be more than 0 (a fee, a payment): its fen, or what is wrong with it. */
export function positiveYuan(text: string): { fen: Fen } | { problem: 'not-positive' | 'format' } {
  const fen = parseYuan(text)
  if (fen !== undefined) return fen > 0 ? { fen } : { problem: 'not-positive' }
  // "-5" is an amount, just a negative one: say that rather than "not an amount".
  return { problem: checkYuanText(text, Number.MAX_SAFE_INTEGER) === 'negative' ? 'not-positive' : 'format' }
}
