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

const phoneDigits = (phone: string) => phone.replace(/[\s-]/g, '')
const idText = (id: string) => id.replace(/\s/g, '').toUpperCase()

/**
 * A person as typed at the desk: the stored schema, plus what a new entry must get right. Stored
 * records are not held to it (one saved before a rule tightened must still open). Each issue's
 * message is a PersonProblem, which the form shows in the user's language (`people.problems.*`).
 */
export const personFormSchema = v.object({
  ...personSchema.entries,
  name: v.pipe(v.string(), v.check((name) => name.trim() !== '', 'name-required' satisfies PersonProblem)),
  phone: v.optional(v.pipe(v.string(), v.check((p) => phoneDigits(p) === '' || /^\+?\d{5,15}$/.test(phoneDigits(p)), 'phone-invalid' satisfies PersonProblem))),
  idNumber: v.optional(v.pipe(v.string(), v.check((id) => idText(id) === '' || /^(\d{15}|\d{17}[\dX]|[A-Z0-9]{6,20})$/.test(idText(id)), 'id-invalid' satisfies PersonProblem))),
})

const typedFields = v.pick(personFormSchema, ['name', 'phone', 'idNumber'])

/** What is wrong with a person as typed at the desk, field by field (empty when all is fine). */
export function checkPerson(p: Pick<Person, 'name' | 'phone' | 'idNumber'>): Partial<Record<keyof Person, PersonProblem>> {
  const problems: Partial<Record<keyof Person, PersonProblem>> = {}
  for (const issue of v.safeParse(typedFields, p).issues ?? []) {
    const field = v.getDotPath(issue) as keyof Person | null
    if (field) problems[field] ??= issue.message as PersonProblem
  }
  return problems
}
