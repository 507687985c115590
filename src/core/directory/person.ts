import * as v from 'valibot'

/** A person in the directory (visitor, member, subscriber, staff profile). Every field is confidential (CONF-1). */
export const personSchema = v.object({
  name: v.string(),
  phone: v.optional(v.string()),
  idNumber: v.optional(v.string()),
  organisation: v.optional(v.string()),
  notes: v.optional(v.string()),
  createdAt: v.string(),
})
export type Person = v.InferOutput<typeof personSchema>

export type PersonProblem = 'name-required' | 'phone-invalid' | 'id-invalid'

/** What is wrong with a person as typed at the desk, field by field (empty when all is fine). */
export function checkPerson(p: Pick<Person, 'name' | 'phone' | 'idNumber'>): Partial<Record<keyof Person, PersonProblem>> {
  const problems: Partial<Record<keyof Person, PersonProblem>> = {}
  if (p.name.trim() === '') problems.name = 'name-required'
  const phoneDigits = (p.phone ?? '').replace(/[\s-]/g, '')
  if (phoneDigits !== '' && !/^\+?\d{5,15}$/.test(phoneDigits)) problems.phone = 'phone-invalid'
  const id = (p.idNumber ?? '').replace(/\s/g, '').toUpperCase()
  if (id !== '' && !/^(\d{15}|\d{17}[\dX]|[A-Z0-9]{6,20})$/.test(id)) problems.idNumber = 'id-invalid'
  return problems
}
