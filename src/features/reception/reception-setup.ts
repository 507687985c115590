import { defaultReceptionSettings } from '@/core/reception/defaults'
import type { RepoContext } from '@/storage/sealed-repo'
import { createReceptionRecords } from './reception-records'

/**
 * REC-2, REC-3, REC-7: the default table, acknowledgement minutes and ladders, stored once per organisation by a
 * manager or admin (the server takes the settings from nobody else): at founding, or the first time a manager
 * opens a reception page in an organisation founded before. A table already saved is never replaced.
 */
export async function ensureReceptionSettings(ctx: RepoContext): Promise<void> {
  const { settings } = createReceptionRecords(ctx)
  if (!(await settings.get())) await settings.save(defaultReceptionSettings())
}
