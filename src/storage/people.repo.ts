import type { Person } from '@/core/directory/person'
import { createSealedRepo, type RepoEvents } from './sealed-repo'
import type { LobbyDb } from './db'
import type { KeySource } from './key-source'

/** People in the `directory` realm, findable by phone, ID number or name through blind indexes. */
export function createPeopleRepo(db: LobbyDb, keys: () => KeySource | undefined, events?: RepoEvents) {
  return createSealedRepo<Person>(
    db,
    keys,
    {
      type: 'person',
      realm: 'directory',
      version: 1,
      indexes: (p) => ({ phone: p.phone, idNumber: p.idNumber, name: p.name }),
    },
    events,
  )
}

export type PeopleRepo = ReturnType<typeof createPeopleRepo>
