/**
 * The mixed 100,000 documents of the `initial_sync_100k_ms` bench (issue 13), generated from a seed: the sizes, and
 * the one part no other bench plan has, a few recent months of ledger lines on every broadband account. People come
 * from scripts/demo/people.ts, members, a year of their fees and check-ins from seed-plan.ts, agreements from
 * broadband-plan.ts. Pure (no clock, no storage): bench/mixed-seed.ts seals and writes it.
 */
import { addMonths, type PlannedAgreement, type PlannedEntry } from './browser/broadband-plan'
import { firstDayOf, lastDayOf, monthOf } from '@/core/shared/calendar-month'
import { instantOf } from '@/core/shared/local-date'
import type { LocalDate } from '@/core/shared/units'
import { mulberry32 } from '../scripts/demo/people'

export interface MixedSizes {
  seed: number
  /** In the directory; members and broadband subscribers are among them. */
  people: number
  members: number
  /** How far back the members' enrolments go (a year: about 1.8 fees a member). */
  memberYears: number
  checkIns: number
  /** Broadband agreements, each with its service-start status event and a few months of ledger lines. */
  accounts: number
  /** Records sealed and written to the server at once, and how many such writes are in flight. */
  batch: number
  width: number
}

/**
 * About 100,000 documents at scale 1: 20,000 people, 8,000 members with a year of fees (about 14,300), 32,000
 * check-ins, 3,000 broadband agreements with their status events (about 3,150) and about 20,000 ledger lines.
 */
export function mixedSizes(scale: number): MixedSizes {
  const n = (full: number) => Math.max(1, Math.round(full * scale))
  return { seed: 13, people: n(20_000), members: n(8_000), memberYears: 1, checkIns: n(32_000), accounts: n(3_000), batch: 500, width: 4 }
}

export interface PlannedLine {
  /** Index into the agreements. */
  account: number
  entry: PlannedEntry
}

/**
 * Each account's last three or four months before this one (from the month its service started): the monthly charge
 * on the 1st, paid within the month at the counter or on the website, except a suspended account's last two months
 * (in arrears); a terminated account is charged up to the month it ended. About 6.7 lines an account.
 */
export function planRecentLedgers(input: { seed: number; today: LocalDate; timeZone: string }, agreements: readonly PlannedAgreement[]): PlannedLine[] {
  const rng = mulberry32((input.seed ^ 0x6c656467) >>> 0)
  const int = (n: number) => Math.floor(rng() * n)
  const at = (on: LocalDate, time: string) => instantOf(on, time, input.timeZone)
  const thisMonth = monthOf(input.today)
  const lines: PlannedLine[] = []
  let receipt = 0
  agreements.forEach((a, account) => {
    const span = rng() < 0.35 ? 4 : 3
    const months = Array.from({ length: span }, (_, i) => addMonths(thisMonth, i - span)).filter((m) => m > monthOf(a.serviceStart) && (a.status !== 'terminated' || m <= monthOf(a.changedOn!)))
    const fee = a.plan.monthlyFee
    months.forEach((month, i) => {
      const on = firstDayOf(month)
      lines.push({ account, entry: { kind: 'charge', amount: fee, on, at: at(on, '09:00'), month, due: lastDayOf(month), detail: { kind: 'monthly-fee', run: `run-${month}`, monthlyFee: fee } } })
      if (a.status === 'suspended' && i >= months.length - 2) return
      const paidOn = `${month}-${String(2 + int(26)).padStart(2, '0')}`
      const website = rng() < 0.4
      receipt += 1
      lines.push({ account, entry: { kind: 'payment', amount: fee, on: paidOn, at: at(paidOn, '15:30'), channel: website ? 'website' : 'counter', receiptNo: `${website ? 'W' : 'R'}${String(receipt).padStart(7, '0')}` } })
    })
  })
  return lines
}
