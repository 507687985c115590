import { argon2idRaw } from './argon2'
import type { KdfParams } from './kdf-params'

/** What the page asks the KDF worker: Argon2id of `secret` under `params`, tagged with `id`. */
export interface KdfRequest {
  id: number
  secret: Uint8Array
  params: KdfParams
}

/** The worker's answer to the request with the same `id`. */
export type KdfResponse = { id: number; key: Uint8Array } | { id: number; error: string }

/**
 * Answers one request. Never throws: a failure becomes `{ id, error }` so the
 * page can reject the matching promise instead of waiting forever. The secret
 * is zeroed once hashed, since the worker received its own (transferred) copy.
 */
export async function answerKdfRequest(request: KdfRequest): Promise<KdfResponse> {
  try {
    return { id: request.id, key: await argon2idRaw(request.secret, request.params) }
  } catch (e) {
    return { id: request.id, error: e instanceof Error ? e.message : String(e) }
  } finally {
    request.secret.fill(0)
  }
}
