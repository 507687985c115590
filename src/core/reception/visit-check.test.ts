import { describe, expect, it } from 'vitest'
import { defaultCategoryIds, defaultReceptionSettings } from './defaults'
import { checkVisitInput, type VisitInput } from './visit-check'

const settings = defaultReceptionSettings()
const hosts = [
  { userId: 'host-1', active: true },
  { userId: 'left-1', active: false },
]
const ctx = { settings, hosts }
const good: VisitInput = { name: '王小明', phone: '138 0013 8000', organisation: '书香文具', category: defaultCategoryIds.supplier, purpose: 'delivery', hostId: 'host-1' }
const check = (change: Partial<VisitInput>, context = ctx) => checkVisitInput({ ...good, ...change }, context)

describe('REC-1 a visit as typed at the desk', () => {
  it('REC-1: a complete visit has no problem; phone and organisation may be left out', () => {
    expect(check({})).toEqual({})
    expect(checkVisitInput({ name: 'Li', category: defaultCategoryIds.temporary, purpose: 'asks the way', hostId: 'host-1' }, ctx)).toEqual({})
    expect(check({ phone: '', organisation: '' })).toEqual({})
  })

  it('REC-1: an appointment time is optional; given, it is a time of day', () => {
    expect(check({ appointmentTime: '14:30' })).toEqual({})
    expect(check({ appointmentTime: '' })).toEqual({})
    expect(check({ appointmentTime: '25:00' })).toEqual({ appointment: 'not-a-time' })
    expect(check({ appointmentTime: '2pm' })).toEqual({ appointment: 'not-a-time' })
  })

  it('REC-1: a visitor with no name (or only spaces) is refused', () => {
    expect(check({ name: '' })).toEqual({ name: 'required' })
    expect(check({ name: '   ' })).toEqual({ name: 'required' })
  })

  it('REC-1: a name over 60 characters is too long; 60 fit', () => {
    expect(check({ name: '王'.repeat(61) })).toEqual({ name: 'too-long' })
    expect(check({ name: '王'.repeat(60) })).toEqual({})
  })

  it('REC-1: a phone that is not a phone is said so', () => {
    expect(check({ phone: 'call me maybe' })).toEqual({ phone: 'not-a-phone' })
    expect(check({ phone: '123' })).toEqual({ phone: 'not-a-phone' })
    expect(check({ phone: '+86 138-0013-8000' })).toEqual({})
  })

  it('REC-1: a phone over 20 characters is too long', () => {
    expect(check({ phone: '1'.repeat(21) })).toEqual({ phone: 'too-long' })
  })

  it('REC-1: an organisation over 100 characters is too long', () => {
    expect(check({ organisation: 'x'.repeat(101) })).toEqual({ organisation: 'too-long' })
  })

  it('REC-1: the category is required, must exist and must not be retired', () => {
    expect(check({ category: '' })).toEqual({ category: 'required' })
    expect(check({ category: 'astronaut' })).toEqual({ category: 'unknown-category' })
    const retired = { ...settings, categories: settings.categories.map((c) => (c.id === defaultCategoryIds.supplier ? { ...c, retired: true } : c)) }
    expect(check({}, { settings: retired, hosts })).toEqual({ category: 'retired-category' })
  })

  it('REC-1: the purpose is required and at most 200 characters', () => {
    expect(check({ purpose: ' ' })).toEqual({ purpose: 'required' })
    expect(check({ purpose: 'x'.repeat(201) })).toEqual({ purpose: 'too-long' })
  })

  it('REC-1: the host is required, must be on the staff, and must not have left', () => {
    expect(check({ hostId: '' })).toEqual({ host: 'required' })
    expect(check({ hostId: 'nobody' })).toEqual({ host: 'host-unknown' })
    expect(check({ hostId: 'left-1' })).toEqual({ host: 'host-left' })
  })

  it('REC-2: a refused visitor is recorded with the reason', () => {
    expect(check({ category: defaultCategoryIds.insuranceSales })).toEqual({ reason: 'required' })
    expect(check({ category: defaultCategoryIds.insuranceSales, reason: 'selling policies' })).toEqual({})
  })

  it('REC-2: refusing a visitor of another category asks for the reason too', () => {
    expect(check({ refused: true })).toEqual({ reason: 'required' })
    expect(check({ refused: true, reason: 'shouting at the desk' })).toEqual({})
  })

  it('REC-2: a reason over 200 characters is too long', () => {
    expect(check({ refused: true, reason: 'x'.repeat(201) })).toEqual({ reason: 'too-long' })
  })

  it('REC-1: every problem shows at once', () => {
    expect(checkVisitInput({ name: '', phone: 'x', category: '', purpose: '', hostId: '' }, ctx)).toEqual({
      name: 'required',
      phone: 'not-a-phone',
      category: 'required',
      purpose: 'required',
      host: 'required',
    })
  })
})
