import type { SelfBroadbandAccount, SelfStatementLine } from '@/core/self-service/schemas'

/**
 * BB-7 on the member's phone: whether a statement line offers "Dispute this charge". `open` and `closed` come
 * from the staff device's fold (the view); `sent` is a dispute the member raised on this phone that no staff
 * device has folded yet, so the button does not come back while the request waits for a sync.
 */
export type LineDispute =
  | { state: 'open' }
  | { state: 'closed'; reason: 'window-closed'; closedOn: string }
  | { state: 'closed'; reason: 'disputed'; status?: string }
  | { state: 'closed'; reason: 'arrears' | 'not-a-charge' }
  | { state: 'sent' }

export function lineDispute(line: SelfStatementLine, account: SelfBroadbandAccount | undefined, sent: boolean): LineDispute {
  const raised = account?.disputes.find((d) => d.entryId === line.id)
  if (raised) return { state: 'closed', reason: 'disputed', status: raised.status }
  if (line.dispute.state === 'closed') return line.dispute
  return sent ? { state: 'sent' } : { state: 'open' }
}
