import type { Role } from '@/core/access/roles'
import type { LobbyStorage } from '@/storage/lobby-storage'
import type { ClaimEpoch } from '@/sync/epoch-claim'
import type { Session } from './session'

/** The sealed repositories, opened with the founder's keys (the session's keys are not installed yet while founding). */
export type FounderStorage = ReturnType<LobbyStorage['withKeys']>

/**
 * Work a feature adds to founding an organisation (e.g. the membership desk's
 * defaults and card key). Runs once, with the founder's keys, after the realm
 * keys and the founder's account exist.
 */
export type FoundingStep = (ctx: { storage: FounderStorage; session: Session; orgId: string }) => Promise<void>

/**
 * Work a feature adds to a staff member's departure (CONF-9), e.g. replacing a
 * key the leaver could read. Its name is written into the account's
 * `departure.pending` before anything runs and struck off once done, so it must
 * stay the same from one version to the next: a departure left half-way is
 * finished later, perhaps on another device (`resumeDepartures`).
 */
export interface DepartureStep {
  name: string
  /** Whether a leaver of this role makes the step needed. */
  neededFor: (role: Role) => boolean
  /** Pending steps that must be struck off first (e.g. `realm:desk`: a new key is sealed under the newest realm key). */
  after?: readonly string[]
  /**
   * Done with the acting user's session, their own grants taken in first; false: not this user's to finish now.
   * A step that mints a key of a new epoch claims it first with `claim` (given when there is a sync server, issue 9 §5).
   */
  run: (ctx: { storage: LobbyStorage; session: Session; leaver: string; claim?: ClaimEpoch }) => Promise<boolean | void>
}

export interface FeatureSteps {
  founding: readonly FoundingStep[]
  departure: readonly DepartureStep[]
}

// Identity imports no feature: the app registers the features' steps at start (app/main.ts), tests pass theirs in.
let registered: FeatureSteps = { founding: [], departure: [] }

export function registerFeatureSteps(steps: FeatureSteps): void {
  registered = steps
}

export const registeredFoundingSteps = (): readonly FoundingStep[] => registered.founding
export const registeredDepartureSteps = (): readonly DepartureStep[] => registered.departure
