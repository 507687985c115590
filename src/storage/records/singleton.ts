import { createSealedRepo, type RepoContext } from '../sealed-repo'
import type { DefinedKind } from './define-records'

/** One record per organisation under a fixed id (`<type>:org`). */
export function singletonRecord<T extends object>(ctx: RepoContext, kind: DefinedKind<T, 'singleton'>) {
  const repo = createSealedRepo<T>(ctx, kind)
  const id = `${kind.type}:org`
  return { id, get: () => repo.get(id), save: (value: T) => repo.put(value, id) }
}
