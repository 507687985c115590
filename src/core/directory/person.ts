import * as v from 'valibot'
import { textLimits, withinLimit } from '@/core/shared/text-limits'
import type { LocalDate } from '@/core/shared/units'
import { checkCustomerFile, customerKinds, looksLikePhone, type CustomerFileInput, type CustomerFileProblem } from './customer-file'
import { checkIdDocument, idDocumentText, idKinds, type IdKind, type IdProblem } from './id-document'

/** A person in the directory (visitor, member, subscriber, staff profile). Every field is confidential (CONF-1). */
export const personSchema = v.object({
  name: v.string(),
  phone: v.optional(v.string()),
  /** The kind of `idNumber`, chosen at the desk; absent on people registered before it was asked. */
  idKind: v.optional(v.picklist(idKinds)),
  idNumber: v.optional(v.string()),
  organisation: v.optional(v.string()),
  notes: v.optional(v.string()),
  createdAt: v.string(),
  // CUST-1, the customer file (customer-file.ts): all optional, so people stored before it still open.
  /** Absent is an individual; for a business, `name` is the business's registered name. */
  kind: v.optional(v.picklist(customerKinds)),
  address: v.optional(v.string()),
  postcode: v.optional(v.string()),
  fax: v.optional(v.string()),
  legalRepresentative: v.optional(v.string()),
  /** The unified social credit code, stored as licenceNoText gives it. */
  licenceNo: v.optional(v.string()),
  businessScope: v.optional(v.string()),
  /** Whole fen. */
  registeredCapital: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
})
export type Person = v.InferOutput<typeof personSchema>

export type PersonProblem = 'name-required' | 'name-too-long' | 'phone-invalid' | 'organisation-too-long' | 'notes-too-long' | IdProblem | CustomerFileProblem

const phoneDigits = (phone: string) => phone.replace(/[\s-]/g, '')
const within = (max: number, problem: PersonProblem) => v.check((text: string) => withinLimit(text, max), problem)

/**
 * A person as typed at the desk, on `today` (the organisation's date: a birth date in an ID may not
 * be after it): the stored schema, plus what a new entry must get right. Stored records are not held
 * to it (one saved before a rule tightened must still open). Each issue's message is a
 * PersonProblem, which the form shows in the user's language (`people.problems.*`).
 */
export function personFormSchema(today: LocalDate) {
  return v.pipe(
    v.object({
      ...personSchema.entries,
      name: v.pipe(v.string(), v.check((name) => name.trim() !== '', 'name-required' satisfies PersonProblem), within(textLimits.name, 'name-too-long')),
      phone: v.optional(
        v.pipe(
          v.string(),
          within(textLimits.phone, 'phone-invalid'),
          v.check((p) => phoneDigits(p) === '' || looksLikePhone(p), 'phone-invalid' satisfies PersonProblem),
        ),
      ),
      idNumber: v.optional(v.pipe(v.string(), within(textLimits.idNumber, 'id-format'))),
      organisation: v.optional(v.pipe(v.string(), within(textLimits.employer, 'organisation-too-long'))),
      notes: v.optional(v.pipe(v.string(), within(textLimits.notes, 'notes-too-long'))),
      // Typed as yuan text at the desk, stored as whole fen: the form takes either (checkRegisteredCapital).
      registeredCapital: v.optional(v.union([v.string(), v.number()])),
    }),
    // The number is checked as the kind chosen with it; a number without a kind is read as the form's
    // default, a mainland resident ID. Runs even when another field failed, so every problem shows at once.
    v.rawCheck(({ dataset, addIssue }) => {
      const input = dataset.value as { idKind?: unknown; idNumber?: unknown }
      const id = input.idNumber
      if (typeof id !== 'string' || idDocumentText(id) === '' || !withinLimit(id, textLimits.idNumber)) return
      const kind: IdKind = idKinds.includes(input.idKind as IdKind) ? (input.idKind as IdKind) : 'cn-resident'
      const problem = checkIdDocument(kind, id, today)
      if (problem) addIssue({ message: problem, path: [{ type: 'object', origin: 'value', input: dataset.value as Record<string, unknown>, key: 'idNumber', value: id }] })
    }),
    // CUST-1: the file fields, checked together (a business needs its representative and licence).
    v.rawCheck(({ dataset, addIssue }) => {
      const input = dataset.value as Record<string, unknown>
      for (const [key, problem] of Object.entries(checkCustomerFile(input as CustomerFileInput)))
        addIssue({ message: problem, path: [{ type: 'object', origin: 'value', input, key, value: input[key] }] })
    }),
  )
}

type FileField = 'kind' | 'address' | 'postcode' | 'fax' | 'legalRepresentative' | 'licenceNo' | 'businessScope' | 'registeredCapital'
type TypedField = 'name' | 'phone' | 'idKind' | 'idNumber' | 'organisation' | 'notes' | FileField
/** A person as a form holds it: registered capital as the yuan typed, or the fen stored. */
export type TypedPerson = Pick<Person, 'name'> & Partial<Pick<Person, Exclude<TypedField, 'name' | 'registeredCapital'>>> & { registeredCapital?: string | number }

/** What is wrong with a person as typed at the desk on `today`, field by field (empty when all is fine). */
export function checkPerson(p: TypedPerson, today: LocalDate): Partial<Record<keyof Person, PersonProblem>> {
  const problems: Partial<Record<keyof Person, PersonProblem>> = {}
  // createdAt is set by the save, not typed: any string stands in for it here.
  for (const issue of v.safeParse(personFormSchema(today), { ...p, createdAt: '' }).issues ?? []) {
    const field = v.getDotPath(issue) as keyof Person | null
    if (field) problems[field] ??= issue.message as PersonProblem
  }
  return problems
}

/**
 * What is wrong with an update of `before` into `after`, for the fields it changes only: a person
 * stored before a rule tightened (an ID without its check digit checked) can still get a new note.
 * A new document kind re-checks the number.
 */
export function checkPersonChanges(before: TypedPerson, after: TypedPerson, today: LocalDate): Partial<Record<keyof Person, PersonProblem>> {
  const problems = checkPerson(after, today)
  const changed = (field: TypedField) =>
    before[field] !== after[field] ||
    (field === 'idNumber' && before.idKind !== after.idKind) ||
    ((field === 'legalRepresentative' || field === 'licenceNo') && before.kind !== after.kind)
  for (const field of Object.keys(problems) as TypedField[]) if (!changed(field)) delete problems[field]
  return problems
}

/**
 * The problems a form shows while the person is still being typed: a field over its maximum at once
 * (no more typing can fix it), a resident ID once its 18 characters are in; the rest (an empty name,
 * a phone or another document number still short) wait for the save, so nobody is scolded mid-word.
 */
export function problemsWhileTyping(p: TypedPerson, today: LocalDate): Partial<Record<keyof Person, PersonProblem>> {
  const problems = checkPerson(p, today)
  const shown: Partial<Record<keyof Person, PersonProblem>> = {}
  const idLength = idDocumentText(p.idNumber ?? '').length
  const idComplete = (p.idKind ?? 'cn-resident') === 'cn-resident' && idLength >= 18
  const licenceComplete = (p.licenceNo ?? '').replace(/\s/g, '').length >= 18
  for (const [field, problem] of Object.entries(problems) as [keyof Person, PersonProblem][]) {
    const overLimit = problem.endsWith('-too-long') || ((field === 'phone' || field === 'fax') && !withinLimit(p[field] ?? '', textLimits.phone))
    if (overLimit || (field === 'idNumber' && (idComplete || !withinLimit(p.idNumber ?? '', textLimits.idNumber)))) shown[field] = problem
    if (field === 'licenceNo' && licenceComplete && problem !== 'licence-required') shown[field] = problem
  }
  return shown
}
