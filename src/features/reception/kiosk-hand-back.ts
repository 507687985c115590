import { signIn } from '@/identity/sign-in'
import type { LobbyStorage } from '@/storage/lobby-storage'

export type TakeBack = { ok: true } | { ok: false; why: 'wrong' | 'wait' | 'other'; seconds?: number }

/**
 * Issue 11 §8: the visitor-facing privacy mode ends only for the staff member signed in on the tablet. Their PIN
 * or passphrase is checked exactly as the lock screen checks it (sign-in.ts: the same growing wait after wrong
 * answers, the same audit entries), and what the check opens is dropped here: nothing is handed on, the
 * session already holds its keys.
 */
export async function deskUserTakesBack(storage: LobbyStorage, username: string, secret: string): Promise<TakeBack> {
  const result = await signIn(storage, username, secret)
  if (result.status === 'signed-in') return { ok: true }
  if (result.status !== 'refused') return { ok: false, why: 'other' }
  if (result.reason === 'wait') return { ok: false, why: 'wait', seconds: result.seconds }
  if (result.reason === 'wrong-credentials' || result.reason === 'wrong-pin') return { ok: false, why: 'wrong' }
  return { ok: false, why: 'other' }
}
