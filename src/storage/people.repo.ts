import { personSchema } from '@/core/directory/person'
import { defineMutable, mutableRecords } from './records'
import type { RepoContext } from './sealed-repo'

const person = defineMutable({
  type: 'person',
  realm: 'directory',
  version: 1,
  schema: personSchema,
  indexes: (p) => ({ phone: p.phone, idNumber: p.idNumber, name: p.name }),
})

/** People in the `directory` realm, findable by phone, ID number or name through blind indexes. */
export function createPeopleRepo(ctx: RepoContext) {
  return mutableRecords(ctx, person)
}

export type PeopleRepo = ReturnType<typeof createPeopleRepo>
