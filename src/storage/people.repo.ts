import type { Person } from '@/core/directory/person'
import { createSealedRepo, type RepoContext } from './sealed-repo'

/** People in the `directory` realm, findable by phone, ID number or name through blind indexes. */
export function createPeopleRepo(ctx: RepoContext) {
  return createSealedRepo<Person>(ctx, {
    type: 'person',
    realm: 'directory',
    version: 1,
    indexes: (p) => ({ phone: p.phone, idNumber: p.idNumber, name: p.name }),
  })
}

export type PeopleRepo = ReturnType<typeof createPeopleRepo>
