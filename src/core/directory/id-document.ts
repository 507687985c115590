/**
 * REC-1: the identity document a person shows at the desk. The desk picks its kind explicitly (a
 * passport number can look like anything, so guessing the kind from the number would let a mistyped
 * resident ID through as a "passport"); each kind has its own check.
 */
import { isLocalDate } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'

export const idKinds = ['cn-resident', 'passport', 'hk-macao-permit', 'taiwan-permit', 'foreign-permanent'] as const
export type IdKind = (typeof idKinds)[number]

export type IdProblem = 'id-format' | 'id-check-digit' | 'id-birth-date' | 'id-region'

/**
 * First two digits of a GB/T 2260 region code: the provinces, autonomous regions and municipalities,
 * Taiwan (71), and 81/82/83 (Hong Kong, Macao, Taiwan residents' residence permits, which use the
 * resident ID's format).
 */
const provinceCodes = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
])

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** GB 11643-1999: the 18th character from the first 17 digits (ISO 7064 MOD 11-2; 10 is written X). */
export function residentIdCheckDigit(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (weights[i] ?? 0)
  return '10X98765432'.charAt(sum % 11)
}

/** The birth date written YYYYMMDD: a real day, from 1900 (nobody at the desk is older) up to today. */
function isBirthDate(yyyymmdd: string, today: LocalDate): boolean {
  const date = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`
  return isLocalDate(date) && date >= '1900-01-01' && date <= today
}

/** An 18-character number with a MOD 11-2 check digit and a birth date at characters 7–14. */
function checkEighteen(id: string, today: LocalDate, checkRegion: boolean): IdProblem | undefined {
  if (checkRegion && !provinceCodes.has(id.slice(0, 2))) return 'id-region'
  if (!isBirthDate(id.slice(6, 14), today)) return 'id-birth-date'
  if (residentIdCheckDigit(id) !== id.charAt(17)) return 'id-check-digit'
  return undefined
}

/** The number as the desk compares it: no spaces, capital letters (a lower-case x is the same X). */
export function idDocumentText(id: string): string {
  return id.normalize('NFKC').replace(/\s/g, '').toUpperCase()
}

/**
 * What is wrong with `id` as a document of `kind` (undefined when nothing is). `today` is the
 * organisation's date: a birth date after it is refused.
 */
export function checkIdDocument(kind: IdKind, id: string, today: LocalDate): IdProblem | undefined {
  const text = idDocumentText(id)
  switch (kind) {
    case 'cn-resident':
      return /^\d{17}[\dX]$/.test(text) ? checkEighteen(text, today, true) : 'id-format'
    case 'passport':
      // ICAO 9303's document number field holds 9 characters; the shortest in use have 5.
      return /^[A-Z0-9]{5,9}$/.test(text) && /\d/.test(text) ? undefined : 'id-format'
    case 'hk-macao-permit':
      // 回乡证: H (Hong Kong) or M (Macao) and 8 digits; the booklet before 2013 had 10.
      return /^[HM](\d{8}|\d{10})$/.test(text) ? undefined : 'id-format'
    case 'taiwan-permit':
      // 台胞证: 8 digits on the 2015 card, 10 on the older booklet.
      return /^(\d{8}|\d{10})$/.test(text) ? undefined : 'id-format'
    case 'foreign-permanent':
      // The 2023 card: 9, issuing province and nationality codes, birth date, sequence, MOD 11-2 check digit
      // (its province digits are the issuer's, not a home region). The 2004 card: nationality letters and 12 digits.
      if (/^9\d{16}[\dX]$/.test(text)) return checkEighteen(text, today, false)
      return /^[A-Z]{3}\d{12}$/.test(text) ? undefined : 'id-format'
  }
}
