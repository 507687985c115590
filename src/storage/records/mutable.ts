import { createSealedRepo, type RepoContext } from '../sealed-repo'
import type { DefinedKind } from './define-records'

/** Field-merged records: put, get, list, findBy, remove, and putMany (one transaction). */
export const mutableRecords = <T extends object>(ctx: RepoContext, kind: DefinedKind<T, 'mutable'>) => createSealedRepo<T>(ctx, kind)
