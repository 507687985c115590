import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { checkPerson, personFormSchema, personSchema } from './person'

describe('REC-1 person as registered at the desk', () => {
  it('needs a name', () => {
    expect(checkPerson({ name: '  ' })).toEqual({ name: 'name-required' })
  })
  it('accepts a mobile number with spaces and a Chinese ID ending in X', () => {
    expect(checkPerson({ name: '张三', phone: '138 0013 8000', idNumber: '44010619900101123x' })).toEqual({})
  })
  it('names the field that is wrong', () => {
    expect(checkPerson({ name: '张三', phone: 'call me', idNumber: '12' })).toEqual({ phone: 'phone-invalid', idNumber: 'id-invalid' })
  })
})

describe('REC-1 the person form schema (issue 9 §2): the stored schema plus what the desk must type', () => {
  it("names each problem with the form's message key, in one pass over every field", () => {
    const result = v.safeParse(personFormSchema, { name: '', phone: '12', idNumber: '?', createdAt: '2026-12-01T00:00:00Z' })
    expect(result.success).toBe(false)
    expect(result.issues?.map((i) => [v.getDotPath(i), i.message])).toEqual([
      ['name', 'name-required'],
      ['phone', 'phone-invalid'],
      ['idNumber', 'id-invalid'],
    ])
  })
  it('accepts every person the stored schema holds when the typed fields are right', () => {
    const person = { name: '张三', phone: '+86 138-0013-8000', organisation: 'Lab', createdAt: '2026-12-01T00:00:00Z' }
    expect(v.safeParse(personFormSchema, person).success).toBe(true)
    expect(v.safeParse(personSchema, person).success).toBe(true)
  })
})
