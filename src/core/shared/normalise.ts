/**
 * Canonical forms of the identifiers staff type at the desk, so that the same
 * person found by phone, ID number, member number or name gives the same blind
 * index however it was typed (fullwidth IME digits, spaces, dashes, +86).
 * NFKC folds fullwidth and compatibility characters to their plain forms.
 */

// A mainland mobile number: 11 digits starting with 1.
const mainlandMobile = /^1\d{10}$/
const countryCodes = ['0086', '86'] as const
// ASCII and typographic hyphens and dashes people paste into ID numbers.
const idSeparators = /[\s\-\u2010-\u2015\u2212]+/gu

/** Digits only, without a leading +86/0086/86 when what remains is a mainland mobile number. */
export function normalisePhone(s: string): string {
  const digits = s.normalize('NFKC').replace(/\D+/g, '')
  for (const code of countryCodes) {
    const rest = digits.slice(code.length)
    if (digits.startsWith(code) && mainlandMobile.test(rest)) return rest
  }
  return digits
}

/** An ID number without spaces or hyphens, uppercased (a Chinese resident ID may end in X). */
export function normaliseIdNumber(s: string): string {
  return s.normalize('NFKC').replace(idSeparators, '').toUpperCase()
}

/** A member number, trimmed and uppercased. */
export function normaliseMemberNo(s: string): string {
  return s.normalize('NFKC').trim().toUpperCase()
}

/** A name trimmed, with inner whitespace collapsed to one space, lowercased (for Latin names; Chinese is unchanged). */
export function normaliseName(s: string): string {
  return s.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase()
}
