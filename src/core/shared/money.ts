/**
 * Money at the edges: amounts are integer fen everywhere else (SPEC: smallest
 * currency unit). Formatting and parsing never go through a float of yuan, so
 * 0.1 + 0.2 can never show up on a receipt.
 */
import type { Fen } from './units'

// Either plain digits or correctly grouped thousands ("1,000", never "1,00"), then at most two decimals.
const yuanPattern = /^¥?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not whole fen: ${fen}`)
}

/** "960.00", "-12.05": yuan with two decimals, no grouping, no symbol (for form fields). */
export function fenToYuanText(fen: Fen): string {
  assertFen(fen)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** "¥9,600.00" in either UI language (the narrow symbol: English would otherwise say "CN¥"). */
export function formatFen(fen: Fen, locale: 'zh-CN' | 'en'): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' })
  // A decimal string is formatted exactly (Intl.NumberFormat v3); an engine without it reads it as a number, still right to the fen.
  return format.format(fenToYuanText(fen) as `${number}`)
}

/**
 * What a member of staff typed as an amount of yuan, in fen: "960", "960.5",
 * "¥1,000.00", fullwidth digits from a Chinese IME. `undefined` for anything
 * else — negatives, more than two decimals, badly grouped thousands, junk —
 * so the form can say so instead of guessing.
 */
export function parseYuan(text: string): Fen | undefined {
  // NFKC folds fullwidth digits, "．", "，" and "￥" to their ASCII forms.
  const match = yuanPattern.exec(text.normalize('NFKC').trim())
  if (!match) return undefined
  const whole = Number((match[1] ?? '').replaceAll(',', ''))
  const fraction = Number((match[2] ?? '').padEnd(2, '0'))
  const fen = whole * 100 + fraction
  return Number.isSafeInteger(fen) ? fen : undefined
}
