import { describe, expect, it } from 'vitest'
import { checkIdDocument, idKinds } from './id-document'

/** ISO 7064 MOD 11-2 as GB 11643-1999 states it, written out here so the test does not reuse the code it checks. */
function withCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * (weights[i] ?? 0), 0)
  return first17 + '10X98765432'.charAt(sum % 11)
}
/** A different, wrong last character for the same first 17 digits. */
const wrongCheckDigit = (id: string) => id.slice(0, 17) + (id.endsWith('1') ? '2' : '1')

const today = '2026-12-07'

describe('REC-1 mainland resident ID (GB 11643-1999)', () => {
  // Made-up numbers: region 440106 (Tianhe, Guangzhou) and 110105 (Chaoyang, Beijing), made-up sequence numbers.
  const valid = [withCheckDigit('44010619900307201'), withCheckDigit('11010520000229003'), withCheckDigit('51010719011231888')]

  it('accepts numbers whose check digit is right, an X check digit in either case, and spaces typed in groups', () => {
    for (const id of valid) expect(checkIdDocument('cn-resident', id, today), id).toBeUndefined()
    const endsInX = ['44010619850101001', '44010619850101002', '44010619850101003', '44010619850101004', '44010619850101005', '44010619850101006', '44010619850101007', '44010619850101008', '44010619850101009', '44010619850101010', '44010619850101011', '44010619850101012']
      .map(withCheckDigit)
      .find((id) => id.endsWith('X'))
    expect(endsInX).toBeDefined()
    expect(checkIdDocument('cn-resident', endsInX!.toLowerCase(), today)).toBeUndefined()
    const spaced = `${valid[0]!.slice(0, 6)} ${valid[0]!.slice(6, 14)} ${valid[0]!.slice(14)}`
    expect(checkIdDocument('cn-resident', spaced, today)).toBeUndefined()
  })

  it('refuses a wrong check digit (the number a clerk mistyped)', () => {
    for (const id of valid) expect(checkIdDocument('cn-resident', wrongCheckDigit(id), today), id).toBe('id-check-digit')
  })

  it('refuses a birth date that is not a real day, is in the future or is before 1900', () => {
    for (const birth of ['19900230', '19901301', '20010229', '20270101', '18991231', '19900100'])
      expect(checkIdDocument('cn-resident', withCheckDigit(`440106${birth}001`), today), birth).toBe('id-birth-date')
    expect(checkIdDocument('cn-resident', withCheckDigit(`440106${today.replaceAll('-', '')}001`), today)).toBeUndefined()
  })

  it('refuses a region code whose first two digits are no province', () => {
    for (const region of ['000000', '190106', '990106', '720101']) expect(checkIdDocument('cn-resident', withCheckDigit(`${region}19900307001`), today), region).toBe('id-region')
  })

  it('refuses anything that is not 17 digits and a digit or X', () => {
    for (const id of ['44010619900307201', '4401061990030720111', '44010619900307201Y', '440106900307201', 'abcdefghijklmnopqr'])
      expect(checkIdDocument('cn-resident', id, today), id).toBe('id-format')
  })
})

describe('REC-1 other identity documents, each chosen explicitly with its own form', () => {
  it('lists the kinds the form offers', () => {
    expect(idKinds).toEqual(['cn-resident', 'passport', 'hk-macao-permit', 'taiwan-permit', 'foreign-permanent'])
  })
  it('passport: 5 to 9 letters and digits (the ICAO 9303 document number), with at least one digit', () => {
    for (const id of ['E12345678', 'EA1234567', 'G1234567', 'X0123456', 'p1234567']) expect(checkIdDocument('passport', id, today), id).toBeUndefined()
    for (const id of ['ABCDEFGH', '1234', 'E123456789', 'E1234-567']) expect(checkIdDocument('passport', id, today), id).toBe('id-format')
  })
  it('Hong Kong / Macao permit (港澳居民来往内地通行证): H or M and 8 digits (10 on the older booklet)', () => {
    for (const id of ['H12345678', 'M87654321', 'h1234567801']) expect(checkIdDocument('hk-macao-permit', id, today), id).toBeUndefined()
    for (const id of ['K12345678', 'H1234567', '12345678', 'H123456789']) expect(checkIdDocument('hk-macao-permit', id, today), id).toBe('id-format')
  })
  it('Taiwan permit (台湾居民来往大陆通行证): 8 digits (10 on the older booklet)', () => {
    for (const id of ['12345678', '1234567890']) expect(checkIdDocument('taiwan-permit', id, today), id).toBeUndefined()
    for (const id of ['T1234567', '1234567', '123456789']) expect(checkIdDocument('taiwan-permit', id, today), id).toBe('id-format')
  })
  it("foreigner's permanent residence ID: the 2023 card (18 characters from 9, MOD 11-2 check digit) or the older 3 letters and 12 digits", () => {
    const card2023 = withCheckDigit('93115619850101001')
    expect(checkIdDocument('foreign-permanent', card2023, today)).toBeUndefined()
    expect(checkIdDocument('foreign-permanent', wrongCheckDigit(card2023), today)).toBe('id-check-digit')
    expect(checkIdDocument('foreign-permanent', withCheckDigit('93115619851301001'), today)).toBe('id-birth-date')
    expect(checkIdDocument('foreign-permanent', 'USA110085010101', today)).toBeUndefined()
    for (const id of ['US1100850101011', withCheckDigit('44010619900307201')]) expect(checkIdDocument('foreign-permanent', id, today), id).toBe('id-format')
  })
})
