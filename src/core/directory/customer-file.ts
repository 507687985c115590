import { checkYuanText } from '@/core/shared/money'
import { textLimits, withinLimit } from '@/core/shared/text-limits'

/**
 * CUST-1: the customer file a directory record carries, for a person or a business. A subscriber,
 * a member or a visitor is the same record, so every desk reads the same file.
 */
export const customerKinds = ['individual', 'business'] as const
export type CustomerKind = (typeof customerKinds)[number]

/** The file fields as typed at the desk: registered capital as yuan text, or as stored (whole fen). */
export interface CustomerFileInput {
  kind?: CustomerKind
  address?: string
  postcode?: string
  fax?: string
  legalRepresentative?: string
  licenceNo?: string
  businessScope?: string
  registeredCapital?: string | number
}
export type CustomerFileField = Exclude<keyof CustomerFileInput, 'kind'>

export type CustomerFileProblem =
  | 'address-too-long'
  | 'postcode-format'
  | 'fax-invalid'
  | 'legal-representative-required'
  | 'legal-representative-too-long'
  | 'licence-required'
  | 'licence-format'
  | 'licence-check-character'
  | 'business-scope-too-long'
  | 'capital-format'
  | 'capital-negative'

const phoneDigits = (phone: string) => phone.replace(/[\s-]/g, '')

/** A phone (or fax) number as typed: spaces and hyphens, an optional +, then 5 to 15 digits (E.164). */
export function looksLikePhone(text: string): boolean {
  return withinLimit(text, textLimits.phone) && /^\+?\d{5,15}$/.test(phoneDigits(text))
}

/** A mainland postcode is six digits (fullwidth ones from an IME read the same). */
export function checkPostcode(text: string): CustomerFileProblem | undefined {
  return /^\d{6}$/.test(text.normalize('NFKC').trim()) ? undefined : 'postcode-format'
}

// GB 32100-2015: 31 characters, the digits and the capitals without I, O, S, V, Z (read as 1, 0, 5, U, 2).
const codeCharacters = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const codeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
// Registration authority and kind (2 code characters), region (6 digits), organisation code (9), check (1).
const codeShape = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/

/** The licence number as it is compared and stored: fullwidth folded, spaces gone, upper case. */
export const licenceNoText = (text: string) => text.normalize('NFKC').replace(/\s/g, '').toUpperCase()

/** The 18th character of a unified social credit code whose first 17 are `first17` (GB 32100-2015 §5). */
export function licenceCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += codeCharacters.indexOf(first17[i] ?? '') * (codeWeights[i] ?? 0)
  return codeCharacters[(31 - (sum % 31)) % 31]!
}

/** A business licence number: the 18-character unified social credit code with its check character. */
export function checkLicenceNo(text: string): CustomerFileProblem | undefined {
  const code = licenceNoText(text.length > 100 ? text.slice(0, 100) : text)
  if (!codeShape.test(code)) return 'licence-format'
  return licenceCheckCharacter(code.slice(0, 17)) === code[17] ? undefined : 'licence-check-character'
}

/** Registered capital typed as yuan (money.ts's parseYuan reads it) or stored as whole fen: never negative. */
export function checkRegisteredCapital(value: string | number): CustomerFileProblem | undefined {
  if (typeof value === 'number') return !Number.isSafeInteger(value) ? 'capital-format' : value < 0 ? 'capital-negative' : undefined
  if (value.trim() === '') return undefined
  const problem = checkYuanText(value, Number.MAX_SAFE_INTEGER)
  return problem === undefined ? undefined : problem === 'negative' ? 'capital-negative' : 'capital-format'
}

/**
 * What is wrong with a customer file, field by field (empty when all is fine). Every field may be
 * left empty, except that a business needs its legal representative and its licence number. The
 * business-only fields of an individual are not checked: the form does not show them.
 */
export function checkCustomerFile(file: CustomerFileInput): Partial<Record<CustomerFileField, CustomerFileProblem>> {
  const problems: Partial<Record<CustomerFileField, CustomerFileProblem>> = {}
  const typed = (text: string | undefined): text is string => text !== undefined && text.trim() !== ''
  if (file.address !== undefined && !withinLimit(file.address, textLimits.address)) problems.address = 'address-too-long'
  if (typed(file.postcode)) problems.postcode = checkPostcode(file.postcode)
  if (typed(file.fax) && !looksLikePhone(file.fax)) problems.fax = 'fax-invalid'
  if (file.kind === 'business') {
    if (!typed(file.legalRepresentative)) problems.legalRepresentative = 'legal-representative-required'
    else if (!withinLimit(file.legalRepresentative, textLimits.name)) problems.legalRepresentative = 'legal-representative-too-long'
    problems.licenceNo = typed(file.licenceNo) ? checkLicenceNo(file.licenceNo) : 'licence-required'
    if (file.businessScope !== undefined && !withinLimit(file.businessScope, textLimits.businessScope)) problems.businessScope = 'business-scope-too-long'
    if (file.registeredCapital !== undefined) problems.registeredCapital = checkRegisteredCapital(file.registeredCapital)
  }
  for (const field of Object.keys(problems) as CustomerFileField[]) if (!problems[field]) delete problems[field]
  return problems
}
