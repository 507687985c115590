/**
 * Issue 9 §5: one key rotation at a time on this device. A departure's steps
 * claim each epoch as this user on this device, so two runs on one device (a
 * deactivation and the resume after a sync round, in one tab or two) would both
 * hold the claim and mint two different keys under one id.
 */
export type RotationLock = <T>(work: () => Promise<T>) => Promise<T>

/** The Web Lock every tab of this origin takes before rotating. */
export const rotationLockName = 'lobby-rotation'

/** The part of the Web Locks API this needs (`navigator.locks`). */
export interface LockRequester {
  request<T>(name: string, work: () => Promise<T>): Promise<T>
}

/** One at a time within this tab only: the fallback where the browser has no Web Locks. */
export function perTabQueue(): RotationLock {
  let running: Promise<unknown> = Promise.resolve()
  return <T>(work: () => Promise<T>): Promise<T> => {
    const turn = running.then(work, work)
    running = turn.catch(() => undefined)
    return turn
  }
}

/** Across every tab of this origin: the browser holds the lock until `work` settles, other tabs wait for it. */
export function webLock(locks: LockRequester): RotationLock {
  return (work) => locks.request(rotationLockName, () => work())
}

/** The Web Lock where the browser has one (every current browser, in a secure context), else the per-tab queue. */
export function deviceRotationLock(locks: LockRequester | undefined = (globalThis as { navigator?: { locks?: LockRequester } }).navigator?.locks): RotationLock {
  return locks ? webLock(locks) : perTabQueue()
}
