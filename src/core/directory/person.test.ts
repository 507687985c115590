import { describe, expect, it } from 'vitest'
import { checkPerson } from './person'

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
