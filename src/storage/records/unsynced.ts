import type { RepoContext } from '../sealed-repo'

/**
 * The ids of this device's records that start with `prefix` and are still waiting to reach the server: written here
 * and not yet taken by a sync round (their `_local` mark). Keys only, nothing read or opened: a technician's phone
 * asks this to say "waiting to sync" beside a finished job until the round pushes it (issue 15 §4).
 */
export async function unsyncedIds(ctx: Pick<RepoContext, 'db'>, prefix: string): Promise<Set<string>> {
  const ids = await ctx.db.records.where('_local').equals(1).primaryKeys()
  return new Set(ids.filter((id) => id.startsWith(prefix)))
}
