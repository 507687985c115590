/**
 * Ledger lines for the broadband rule tests (ledger-fold, late-fee, statement and their property tests):
 * one account, entries written the way a person reads a statement. Test-only: nothing in src imports it.
 */
import type { LedgerEntry, LedgerLine } from './types'

let sequence = 0

/** A ledger line with a fresh id (`l001`, `l002`, … in the order written), posted at noon UTC of `on` unless `at` is given. */
export function line(entry: Partial<LedgerEntry> & Pick<LedgerEntry, 'kind' | 'amount' | 'on'>, id?: string): LedgerLine {
  sequence += 1
  return {
    id: id ?? `l${String(sequence).padStart(3, '0')}`,
    record: { accountId: 'acc-1', by: 'agent-1', at: Date.parse(`${entry.on}T12:00:00Z`), ...entry },
  }
}

/** A monthly fee for `month`, posted on its 1st and due on its last day (or `due`). */
export function charge(month: string, amount: number, due: string, extra: Partial<LedgerEntry> = {}, id?: string): LedgerLine {
  return line({ kind: 'charge', amount, on: `${month}-01`, month, due, ...extra }, id)
}

/** A payment at the counter on `on`. */
export function payment(on: string, amount: number, extra: Partial<LedgerEntry> = {}, id?: string): LedgerLine {
  return line({ kind: 'payment', amount, on, channel: 'counter', receiptNo: `R-${on}`, ...extra }, id)
}
