import type { Session } from '@/identity/session'
import type { LobbyStorage } from '@/storage/lobby-storage'

/**
 * The name to greet the signed-in person by: the name on their staff profile (sealed in the directory realm,
 * readable once unlocked), not the sign-in name. Until the profile can be read (keys not open yet, or a new
 * device whose directory has not synced) the sign-in name stands in.
 */
export async function personName(storage: Pick<LobbyStorage, 'staff'>, session: Pick<Session, 'userId' | 'username'>): Promise<string> {
  const profile = await storage.staff.get(`staff:${session.userId}`).catch(() => undefined)
  return profile?.name.trim() || session.username
}
