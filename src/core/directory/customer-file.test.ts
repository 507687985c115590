import { describe, expect, it } from 'vitest'
import { checkCustomerFile, checkLicenceNo, checkPostcode, checkRegisteredCapital, licenceCheckCharacter } from './customer-file'

/** Real unified social credit codes of registered companies (public, printed on their licences). */
const realCodes = ['9144030071526726XG', '91440300708461136T', '91110108551385082Q', '91330100716105852F']
const business = { kind: 'business' as const, legalRepresentative: '马化腾', licenceNo: realCodes[0] }

describe('CUST-1 postcode: six digits (mainland China)', () => {
  it('takes six digits, fullwidth from a Chinese IME too, and nothing else', () => {
    expect(checkPostcode('518057')).toBeUndefined()
    expect(checkPostcode(' ５１８０５７ ')).toBeUndefined()
    expect(checkPostcode('51805')).toBe('postcode-format')
    expect(checkPostcode('5180570')).toBe('postcode-format')
    expect(checkPostcode('51805A')).toBe('postcode-format')
  })
})

describe('CUST-1 licence number: the 18-character unified social credit code (GB 32100-2015)', () => {
  it('works out the check character of real codes', () => {
    for (const code of realCodes) expect(licenceCheckCharacter(code.slice(0, 17))).toBe(code[17])
  })
  it('takes real codes, typed in lower case or with spaces', () => {
    for (const code of realCodes) expect(checkLicenceNo(code)).toBeUndefined()
    expect(checkLicenceNo(' 9144 0300 7152 6726 xg ')).toBeUndefined()
  })
  it('refuses a code whose last character does not match the other 17 (one mistyped digit, two swapped)', () => {
    expect(checkLicenceNo('9144030071526726XH')).toBe('licence-check-character')
    expect(checkLicenceNo('9144030071526736XG')).toBe('licence-check-character')
    expect(checkLicenceNo('9144030017526726XG')).toBe('licence-check-character')
    expect(checkLicenceNo('9144300071526726XG')).toBe('licence-check-character')
  })
  it('refuses 17 or 19 characters, the letters the code never uses (I, O, S, V, Z), and a region that is not six digits', () => {
    expect(checkLicenceNo(realCodes[1]!.slice(0, 17))).toBe('licence-format')
    expect(checkLicenceNo(`${realCodes[1]}1`)).toBe('licence-format')
    expect(checkLicenceNo('9144030071526726XO')).toBe('licence-format')
    expect(checkLicenceNo('91440300I15267260G')).toBe('licence-format')
    expect(checkLicenceNo('91A40300715267260G')).toBe('licence-format')
    expect(checkLicenceNo('1'.repeat(10_000))).toBe('licence-format')
  })
})

describe('CUST-1 registered capital: yuan as typed, in whole fen, never negative', () => {
  it('reads typed yuan and takes a stored amount of whole fen', () => {
    expect(checkRegisteredCapital('1,000,000.00')).toBeUndefined()
    expect(checkRegisteredCapital('0')).toBeUndefined()
    expect(checkRegisteredCapital('')).toBeUndefined()
    expect(checkRegisteredCapital(100_000_000)).toBeUndefined()
    expect(checkRegisteredCapital(0)).toBeUndefined()
  })
  it('refuses a negative amount, a third decimal, junk, and a stored amount not in whole fen', () => {
    expect(checkRegisteredCapital('-1')).toBe('capital-negative')
    expect(checkRegisteredCapital(-1)).toBe('capital-negative')
    expect(checkRegisteredCapital('10.005')).toBe('capital-format')
    expect(checkRegisteredCapital('一百万')).toBe('capital-format')
    expect(checkRegisteredCapital(10.5)).toBe('capital-format')
  })
})

describe('CUST-1 the customer file of a person or a business', () => {
  it('asks nothing of an individual (no kind is an individual): every file field is optional', () => {
    expect(checkCustomerFile({})).toEqual({})
    expect(checkCustomerFile({ kind: 'individual', address: '深圳市南山区科技园', postcode: '518057', fax: '0755-8601 3388' })).toEqual({})
  })
  it('needs a legal representative and a licence number for a business', () => {
    expect(checkCustomerFile({ kind: 'business' })).toEqual({ legalRepresentative: 'legal-representative-required', licenceNo: 'licence-required' })
    expect(checkCustomerFile({ kind: 'business', legalRepresentative: '  ', licenceNo: ' ' })).toEqual({ legalRepresentative: 'legal-representative-required', licenceNo: 'licence-required' })
    expect(checkCustomerFile(business)).toEqual({})
  })
  it('does not hold an individual to business fields left from a business (the form hides them)', () => {
    expect(checkCustomerFile({ kind: 'individual', licenceNo: 'nonsense', registeredCapital: '-5' })).toEqual({})
  })
  it('names each field that is wrong, all at once', () => {
    expect(checkCustomerFile({ ...business, postcode: '5180', fax: 'no fax', licenceNo: '9144030071526726XH', registeredCapital: '-1' })).toEqual({
      postcode: 'postcode-format',
      fax: 'fax-invalid',
      licenceNo: 'licence-check-character',
      registeredCapital: 'capital-negative',
    })
  })
  it('takes each text up to its maximum in characters and not one more', () => {
    const atMost = { ...business, address: '路'.repeat(200), legalRepresentative: '张'.repeat(60), businessScope: '𠀋'.repeat(2000) }
    expect(checkCustomerFile(atMost)).toEqual({})
    expect(checkCustomerFile({ ...atMost, address: '路'.repeat(201), legalRepresentative: '张'.repeat(61), businessScope: '𠀋'.repeat(2001), fax: '1'.repeat(21) })).toEqual({
      address: 'address-too-long',
      legalRepresentative: 'legal-representative-too-long',
      businessScope: 'business-scope-too-long',
      fax: 'fax-invalid',
    })
  })
})
