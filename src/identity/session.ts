import type { StaffRole } from '@/core/access/roles'
import type { Keyring } from '@/crypto/keyring'

/** An unlocked staff session: the keyring lives here and nowhere else while unlocked. */
export interface Session {
  userId: string
  username: string
  role: StaffRole
  keyring: Keyring
  /** Derived with the KEK from the passphrase, for the sync server only; absent after a PIN unlock until the next passphrase. */
  serverPassword?: string
  /**
   * CONF-9: the passphrase KEK (non-extractable), held while unlocked so keys
   * that arrive later (grants after a rotation) can be locked into the stored
   * keyring; absent after a PIN unlock, when they wait for the next passphrase.
   */
  kek?: CryptoKey
}

/** A first sign-in with a setup code: the keyring is open, but the user must still accept the agreement and set a passphrase. */
export interface PendingSetup {
  userId: string
  username: string
  role: StaffRole
  keyring: Keyring
  /** The server password derived from the setup code: the account's server password until the passphrase replaces it. */
  serverPassword: string
}

export class PermissionError extends Error {
  constructor(readonly permission: string) {
    super(`Not allowed: ${permission}`)
    this.name = 'PermissionError'
  }
}
