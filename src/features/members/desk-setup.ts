import { defaultMembershipSettings } from '@/core/membership/defaults'
import { generateCardKey } from '@/crypto/card-key'
import type { DeskRecords } from '@/storage/desk-records.repo'

/**
 * MEM-1/MEM-2 defaults and the MEM-8 card key, stored once per organisation by
 * a manager or admin (the server takes them from nobody else): at founding, or
 * the first time a manager opens the desk in an organisation founded before.
 */
export async function ensureDeskSetup(desk: DeskRecords, orgId: string): Promise<void> {
  if (!(await desk.settings.get())) await desk.settings.save(defaultMembershipSettings())
  if ((await desk.cardKeys.list()).length === 0) await desk.cardKeys.add({ orgId, ...(await generateCardKey()), createdAt: Date.now(), epoch: 1 })
}
