import { arrearsOn } from '@/core/broadband/ledger-fold'
import { agreementState } from '@/core/broadband/status-fold'
import type { AccountStatus } from '@/core/broadband/account-status'
import { normaliseBlind } from '@/crypto/blind-index'
import type { Fen, LocalDate } from '@/core/shared/units'
import type { BroadbandRecords } from '@/features/broadband/broadband-records'

/** One of a subscriber's broadband accounts, as the request form offers it for a fault report. */
export interface SubscriberAccount {
  id: string
  accountNo: string
  status: AccountStatus
  /** What is overdue on it today (ledger-fold.ts `arrearsOn`). */
  overdue: Fen
}

/** BB-3: a directory person as a broadband subscriber, on `today`: their accounts, and whether any is in arrears. */
export interface SubscriberStanding {
  accounts: SubscriberAccount[]
  inArrears: boolean
  /** The overdue total over their accounts. */
  overdue: Fen
}

/**
 * BB-3, with the broadband desk's own fold: a person is in arrears when any of their agreements has principal overdue
 * today (`arrearsOn`, counting each month's charge once as the desk does, with the managers' duplicate reviews). Reads
 * that person's agreements (by `parent`) and each one's ledger slice, never the realm. Only a device holding the
 * `accounts` realm can ask (agents, leads, managers; not the front desk).
 */
export async function subscriberStanding(records: BroadbandRecords, personId: string, today: LocalDate): Promise<SubscriberStanding> {
  const agreements = await records.agreements.byParent(personId)
  const accounts = await Promise.all(
    agreements.map(async (a): Promise<SubscriberAccount> => {
      const [lines, changes, reviews] = await Promise.all([records.ledger.byParent(a.id), records.statusChanges.byParent(a.id), records.duplicateReviews.byParent(a.id)])
      const overdue = arrearsOn(lines, today, reviews.map((r) => r.record)).overdue
      return { id: a.id, accountNo: a.record.accountNo, status: agreementState(changes).status, overdue }
    }),
  )
  accounts.sort((a, b) => a.accountNo.localeCompare(b.accountNo))
  const overdue = accounts.reduce((sum, a) => sum + a.overdue, 0) as Fen
  return { accounts, inArrears: overdue > 0, overdue }
}

/**
 * The account a fault report names: the agreement id when it was chosen from the subscriber's accounts, or the number
 * as typed at a front desk, which cannot read the broadband realm. A device holding that realm resolves the number.
 */
export async function accountOfFaultReport(records: BroadbandRecords, accountId: string): Promise<{ id: string; accountNo: string } | undefined> {
  if (accountId.startsWith('bb-agreement:')) {
    const a = await records.agreements.get(accountId)
    return a ? { id: accountId, accountNo: a.accountNo } : undefined
  }
  const wanted = normaliseBlind('accountNo', accountId)
  const found = (await records.agreements.findBy('accountNo', accountId)).filter((a) => normaliseBlind('accountNo', a.record.accountNo) === wanted)
  return found[0] ? { id: found[0].id, accountNo: found[0].record.accountNo } : undefined
}
