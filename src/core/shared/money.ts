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

/**
 * An amount worked out in fractions of a fen (BB-5 late fees, BB-6 outage credits: "rounded to the fen"),
 * rounded to whole fen, half a fen up. Negative amounts are symmetric (half a fen away from zero), so a
 * refund and the charge it undoes round to the same number of fen.
 *
 * Pass the fraction as `numerator / denominator` in whole units (days × fee, days in the month) and the
 * division is exact; a float quotient (1.005 × 100 = 100.4999…) can round the wrong way.
 */
export function roundHalfUpToFen(numerator: number, denominator = 1): Fen {
  if (!Number.isFinite(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) throw new RangeError(`not an amount: ${numerator}/${denominator}`)
  const sign = Math.sign(numerator) * Math.sign(denominator)
  const d = Math.abs(denominator)
  const n = Math.abs(numerator)
  if (d === 1) return sign * Math.floor(n + 0.5) || 0
  if (!Number.isSafeInteger(numerator)) throw new RangeError(`divide whole units, not ${numerator}`)
  let whole = Math.floor(n / d)
  // The float quotient of two large safe integers can land one off a whole number: settle it on the remainder.
  if (whole * d > n) whole -= 1
  else if ((whole + 1) * d <= n) whole += 1
  const rest = n - whole * d
  return sign * (rest * 2 >= d ? whole + 1 : whole) || 0
}

/**
 * What is wrong with an amount of yuan as typed, against the most that field may hold:
 * `unfinished` (empty, or a start of an amount such as "960." or "1,0": more typing can make it one),
 * `format`, `negative`, `too-high`; undefined when it is an amount within the ceiling.
 */
export type YuanTextProblem = 'unfinished' | 'format' | 'negative' | 'too-high'

// A start of what yuanPattern reads: digits and commas, then a point and at most two decimals.
const yuanPrefixPattern = /^(¥\s*)?([\d,]*)(\.\d{0,2})?$/

export function checkYuanText(text: string, ceiling: Fen): YuanTextProblem | undefined {
  const fen = parseYuan(text)
  if (fen !== undefined) return fen > ceiling ? 'too-high' : undefined
  const typed = text.normalize('NFKC').trim()
  if (/^[-−]/.test(typed.replace(/^¥\s*/, ''))) return 'negative'
  // Digits already past the ceiling stay past it whatever is typed after a point.
  const prefix = yuanPrefixPattern.exec(typed)
  if (!prefix) return 'format'
  const whole = (prefix[2] ?? '').replaceAll(',', '')
  return whole !== '' && Number(whole) * 100 > ceiling ? 'too-high' : 'unfinished'
}
