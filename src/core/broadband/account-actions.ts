import { statusChangeAllowed, type AccountStatus } from './account-status'
import type { Fen, LocalDate } from '@/core/shared/units'

/** Why an action on an account is not offered now; the screen shows it next to the disabled button. */
export type ActionRefusal =
  | { allowed: false; reason: 'arrears' }
  | { allowed: false; reason: 'status' }
  | { allowed: false; reason: 'no-arrears' }
  | { allowed: false; reason: 'notice-window'; opensOn: LocalDate }
export type ActionState = { allowed: true } | ActionRefusal

/** BB-12: whether written notice may be given today, else the day the window opens (agreement-check.ts `noticeWindow`). */
export type NoticeState = { open: true } | { open: false; opensOn: LocalDate }

export interface AccountStanding {
  status: AccountStatus
  /** What is overdue today (ledger-fold.ts `arrearsOn`), in fen. */
  arrears: Fen
  notice: NoticeState
}

const yes: ActionState = { allowed: true }
const inArrears: ActionState = { allowed: false, reason: 'arrears' }
const wrongStatus: ActionState = { allowed: false, reason: 'status' }

/**
 * Which of the account page's actions are open, and why not. BB-3: in arrears the subscriber may only pay, so
 * everything they ask for (plan change, transfer, written notice, a dispute, reactivation, service start) waits
 * until it is paid. What the desk does *because of* the arrears stays open: suspension and termination for them
 * (BB-4), the late fee (BB-5), a line-sharing back-charge (BB-10).
 */
export function accountActions(a: AccountStanding) {
  const live = a.status !== 'terminated'
  const owes = a.arrears > 0
  const to = (status: AccountStatus) => (statusChangeAllowed(a.status, status) ? yes : wrongStatus)
  const subscriberAsks = (state: ActionState) => (state.allowed && owes ? inArrears : state)
  const whileLive = live ? yes : wrongStatus
  const notice: ActionState = a.notice.open ? yes : { allowed: false, reason: 'notice-window', opensOn: a.notice.opensOn }
  return {
    payment: yes,
    startService: subscriberAsks(a.status === 'pending' ? yes : wrongStatus),
    suspend: to('suspended'),
    reactivate: subscriberAsks(a.status === 'suspended' ? yes : wrongStatus),
    terminateByNotice: subscriberAsks(live ? notice : wrongStatus),
    terminateForArrears: !live ? wrongStatus : owes ? yes : ({ allowed: false, reason: 'no-arrears' } as const),
    terminateForViolation: a.status === 'suspended' ? yes : wrongStatus,
    transfer: subscriberAsks(a.status === 'active' || a.status === 'suspended' ? yes : wrongStatus),
    planChange: subscriberAsks(whileLive),
    backCharge: a.status === 'active' || a.status === 'suspended' ? yes : wrongStatus,
    lateFee: yes,
    dispute: subscriberAsks(yes),
  } satisfies Record<string, ActionState>
}

export type AccountActions = ReturnType<typeof accountActions>

/** BB-3: the plain banner of an account in arrears (the words take `owed` formatted), or nothing when nothing is overdue. */
export function arrearsBanner(arrears: Fen): { key: 'broadband.arrears.banner'; owed: Fen } | undefined {
  return arrears > 0 ? { key: 'broadband.arrears.banner', owed: arrears } : undefined
}
