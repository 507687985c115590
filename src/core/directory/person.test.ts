import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { residentIdCheckDigit } from './id-document'
import { checkPerson, checkPersonChanges, personFormSchema, personSchema, problemsWhileTyping } from './person'

const today = '2026-12-07'
/** A made-up resident ID with a right check digit (region 440106, born 1990-01-01). */
const validId = (() => {
  const first17 = '44010619900101123'
  return first17 + residentIdCheckDigit(first17)
})()
const wrongDigitId = validId.slice(0, 17) + (validId.endsWith('1') ? '2' : '1')

describe('REC-1 person as registered at the desk', () => {
  it('needs a name', () => {
    expect(checkPerson({ name: '  ' }, today)).toEqual({ name: 'name-required' })
  })
  it('accepts a mobile number with spaces and a resident ID ending in a lower-case x', () => {
    const first17 = ['11010519491231002', '44010619850101001', '44010619850101002', '44010619850101003', '44010619850101004', '44010619850101005', '44010619850101006', '44010619850101007', '44010619850101008', '44010619850101009', '44010619850101010', '44010619850101011'].find((f) => residentIdCheckDigit(f) === 'X')!
    expect(checkPerson({ name: '张三', phone: '138 0013 8000', idKind: 'cn-resident', idNumber: `${first17}x` }, today)).toEqual({})
  })
  it('names the field that is wrong', () => {
    expect(checkPerson({ name: '张三', phone: 'call me', idNumber: '12' }, today)).toEqual({ phone: 'phone-invalid', idNumber: 'id-format' })
  })
  it('refuses a resident ID with a wrong check digit (a number read as a resident ID when no kind is given, the form\'s default)', () => {
    expect(checkPerson({ name: '张三', idKind: 'cn-resident', idNumber: wrongDigitId }, today)).toEqual({ idNumber: 'id-check-digit' })
    expect(checkPerson({ name: '张三', idNumber: wrongDigitId }, today)).toEqual({ idNumber: 'id-check-digit' })
    expect(checkPerson({ name: '张三', idKind: 'cn-resident', idNumber: validId }, today)).toEqual({})
  })
  it('checks the number against the document kind chosen in the form', () => {
    expect(checkPerson({ name: 'Ann Lee', idKind: 'passport', idNumber: 'E12345678' }, today)).toEqual({})
    expect(checkPerson({ name: 'Ann Lee', idKind: 'cn-resident', idNumber: 'E12345678' }, today)).toEqual({ idNumber: 'id-format' })
    expect(checkPerson({ name: '陈大文', idKind: 'hk-macao-permit', idNumber: validId }, today)).toEqual({ idNumber: 'id-format' })
  })
})

describe('REC-1 every text of a person has a maximum (issue 10)', () => {
  it('refuses a 10,000-character name in the schema, with the name field\'s message', () => {
    const result = v.safeParse(personFormSchema(today), { name: '张'.repeat(10_000), createdAt: '2026-12-01T00:00:00Z' })
    expect(result.success).toBe(false)
    expect(result.issues?.map((i) => [v.getDotPath(i), i.message])).toEqual([['name', 'name-too-long']])
  })
  it('takes each field up to its maximum, counted in characters (a CJK or emoji character is one), and not one more', () => {
    const atMost = { name: '张'.repeat(60), phone: '+86 138-0013-8000 12', organisation: '𠀋'.repeat(100), notes: 'n'.repeat(500) }
    expect(checkPerson(atMost, today)).toEqual({})
    expect(checkPerson({ ...atMost, name: '张'.repeat(61), phone: `${atMost.phone}3`, organisation: '𠀋'.repeat(101), notes: 'n'.repeat(501) }, today)).toEqual({
      name: 'name-too-long',
      phone: 'phone-invalid',
      organisation: 'organisation-too-long',
      notes: 'notes-too-long',
    })
  })
  it('refuses an ID number of 10,000 characters as not a number of its kind', () => {
    expect(checkPerson({ name: 'Ann', idKind: 'passport', idNumber: '1'.repeat(10_000) }, today)).toEqual({ idNumber: 'id-format' })
  })
})

describe('REC-1 the person form schema (issue 9 §2): the stored schema plus what the desk must type', () => {
  it("names each problem with the form's message key, in one pass over every field", () => {
    const result = v.safeParse(personFormSchema(today), { name: '', phone: '12', idNumber: '?', createdAt: '2026-12-01T00:00:00Z' })
    expect(result.success).toBe(false)
    expect(result.issues?.map((i) => [v.getDotPath(i), i.message])).toEqual([
      ['name', 'name-required'],
      ['phone', 'phone-invalid'],
      ['idNumber', 'id-format'],
    ])
  })
  it('accepts every person the stored schema holds when the typed fields are right', () => {
    const person = { name: '张三', phone: '+86 138-0013-8000', organisation: 'Lab', idKind: 'cn-resident', idNumber: validId, createdAt: '2026-12-01T00:00:00Z' }
    expect(v.safeParse(personFormSchema(today), person).success).toBe(true)
    expect(v.safeParse(personSchema, person).success).toBe(true)
  })
  it('keeps a stored person of an older shape readable: no kind, a wrong check digit, a long name', () => {
    expect(v.safeParse(personSchema, { name: '张'.repeat(10_000), idNumber: wrongDigitId, createdAt: '2026-12-01T00:00:00Z' }).success).toBe(true)
  })
})

describe('REC-1 an update is checked on what it changes', () => {
  const stored = { name: '张三', idNumber: wrongDigitId, createdAt: '2026-12-01T00:00:00Z' }
  it('saves a new note on a person whose ID was stored before the check digit was checked', () => {
    expect(checkPersonChanges(stored, { ...stored, notes: '常客' }, today)).toEqual({})
  })
  it('checks a field that changed', () => {
    expect(checkPersonChanges(stored, { ...stored, notes: 'n'.repeat(501) }, today)).toEqual({ notes: 'notes-too-long' })
    expect(checkPersonChanges(stored, { ...stored, idKind: 'cn-resident' }, today)).toEqual({ idNumber: 'id-check-digit' })
  })
})

describe('REC-1 problems the form shows while a person is typed', () => {
  it('shows a field over its maximum at once', () => {
    expect(problemsWhileTyping({ name: '张'.repeat(61), notes: 'n'.repeat(501), phone: '1'.repeat(21) }, today)).toEqual({
      name: 'name-too-long',
      notes: 'notes-too-long',
      phone: 'phone-invalid',
    })
  })
  it('says nothing of a field still being typed: an empty name, a short phone, a resident ID not yet 18 characters', () => {
    expect(problemsWhileTyping({ name: '', phone: '138', idNumber: validId.slice(0, 12) }, today)).toEqual({})
  })
  it('checks a resident ID once all 18 characters are typed, and a number of another kind on save only', () => {
    expect(problemsWhileTyping({ name: '', idKind: 'cn-resident', idNumber: wrongDigitId }, today)).toEqual({ idNumber: 'id-check-digit' })
    expect(problemsWhileTyping({ name: '', idKind: 'passport', idNumber: 'E1' }, today)).toEqual({})
  })
})

describe('CUST-1 the customer file on the person record (issue 12 §1)', () => {
  const business = {
    name: '深圳市腾讯计算机系统有限公司',
    kind: 'business' as const,
    legalRepresentative: '马化腾',
    licenceNo: '9144030071526726XG',
    address: '深圳市南山区科技中一路腾讯大厦',
    postcode: '518057',
    phone: '0755-8601 3388',
    fax: '0755-8601 3399',
    businessScope: '计算机软、硬件的设计、技术开发',
  }
  it('stores a business with every file field, registered capital in whole fen', () => {
    expect(v.safeParse(personSchema, { ...business, registeredCapital: 6_500_000_000, createdAt: '2026-12-01T00:00:00Z' }).success).toBe(true)
    expect(v.safeParse(personSchema, { ...business, registeredCapital: 1.5, createdAt: '2026-12-01T00:00:00Z' }).success).toBe(false)
  })
  it('checks the file fields as typed at the desk, registered capital as yuan text, with the person fields in one pass', () => {
    expect(checkPerson({ ...business, registeredCapital: '65,000,000.00' }, today)).toEqual({})
    expect(checkPerson({ ...business, name: '', postcode: '51805', licenceNo: '9144030071526726XH', registeredCapital: '-1' }, today)).toEqual({
      name: 'name-required',
      postcode: 'postcode-format',
      licenceNo: 'licence-check-character',
      registeredCapital: 'capital-negative',
    })
    expect(checkPerson({ name: '某公司', kind: 'business' }, today)).toEqual({ legalRepresentative: 'legal-representative-required', licenceNo: 'licence-required' })
  })
  it('asks an update to a business for its representative and licence when the kind changes, even if those fields did not', () => {
    const stored = { name: '张三', createdAt: '2026-12-01T00:00:00Z' }
    expect(checkPersonChanges(stored, { ...stored, kind: 'business' }, today)).toEqual({ legalRepresentative: 'legal-representative-required', licenceNo: 'licence-required' })
    expect(checkPersonChanges({ ...stored, ...business, registeredCapital: 100 }, { ...stored, ...business, registeredCapital: 100, notes: '大客户' }, today)).toEqual({})
  })
  it('shows a licence number once its 18 characters are in, and a field over its maximum at once', () => {
    expect(problemsWhileTyping({ ...business, licenceNo: '9144030071526726X' }, today)).toEqual({})
    expect(problemsWhileTyping({ ...business, licenceNo: '9144030071526726XH', address: '路'.repeat(201) }, today)).toEqual({
      licenceNo: 'licence-check-character',
      address: 'address-too-long',
    })
  })
})
