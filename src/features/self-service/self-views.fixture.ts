import type { SelfBroadbandAccount, SelfBroadbandMonth, SelfMembership, SelfProfile, SelfStatementLine, SelfVisits } from '@/core/self-service/schemas'
import { debitKinds } from '@/core/broadband/schemas'
import { lastDayOf, sameDayMonthsLater } from '@/core/shared/calendar-month'
import type { LocalDate } from '@/core/shared/units'
import { generateCardKey, signCard, type CardKeyPair } from '@/crypto/card-key'

/** Everything a member's phone holds, as plain data (what `memorySelfViews` serves, what the demo writes). */
export interface SelfViewsData {
  orgId: string
  profile: SelfProfile
  memberships: SelfMembership[]
  /** Newest year first. */
  visits: SelfVisits[]
  accounts: SelfBroadbandAccount[]
  months: SelfBroadbandMonth[]
}

/** The fixture's "today" in the organisation's zone (Asia/Shanghai): the day its dispute windows are counted from. */
export const fixtureToday: LocalDate = '2026-03-10'
export const fixtureIds = { orgId: 'org:fixture', personId: 'person:fixture-1', memberId: 'member:fixture-1', accountId: 'bb-agreement:fixture-1' } as const

// An instant of Shanghai wall-clock time (UTC+8, no summer time).
const shanghai = (date: LocalDate, time: string) => Date.parse(`${date}T${time}:00+08:00`)

type LineInput = Omit<SelfStatementLine, 'dispute' | 'balance'>

/** BB-7 as the staff fold would say it: only debits, once, within 6 months of their day. */
function withBalances(opening: number, inputs: LineInput[], today: LocalDate, disputed: readonly string[]): SelfStatementLine[] {
  let balance = opening
  return inputs.map((l) => {
    balance += l.debit - l.credit
    const charge = (debitKinds as readonly string[]).includes(l.kind)
    const dispute: SelfStatementLine['dispute'] = !charge
      ? { state: 'closed', reason: 'not-a-charge' }
      : disputed.includes(l.id)
        ? { state: 'closed', reason: 'disputed' }
        : sameDayMonthsLater(l.on, 6) < today
          ? { state: 'closed', reason: 'window-closed', closedOn: sameDayMonthsLater(l.on, 6) }
          : { state: 'open' }
    return { ...l, balance, dispute }
  })
}

function month(m: string, opening: number, inputs: LineInput[], today: LocalDate, disputed: readonly string[], lateFee?: SelfBroadbandMonth['lateFee']): SelfBroadbandMonth {
  const lines = withBalances(opening, inputs, today, disputed)
  const debits = inputs.reduce((s, l) => s + l.debit, 0)
  const credits = inputs.reduce((s, l) => s + l.credit, 0)
  const through = lastDayOf(m)
  return {
    accountId: fixtureIds.accountId,
    month: m,
    from: `${m}-01`,
    through,
    opening,
    debits,
    credits,
    closing: opening + debits - credits,
    lines,
    lateFee: lateFee ?? { through, perMille: 3, segments: [], cumulative: 0, charged: 0 },
    foldedAt: shanghai(fixtureToday, '08:00'),
  }
}

/**
 * One member (Wang Fang) with an active VIP membership ending soon, visits in two years, and one broadband
 * account with three statements (Dec 2025 paid; Jan 2026 unpaid; Feb 2026 with a payment and a late fee), a
 * maintenance notice and a change of terms still open to objection. December's charge was disputed (rejected).
 * `today` moves the dispute windows (BB-7: a charge more than 6 months old reads `window-closed`: from 2026-07-02 January's). No card: see
 * `signedSelfViews`.
 */
export function buildSelfViews(options: { today?: LocalDate; orgId?: string } = {}): SelfViewsData {
  const today = options.today ?? fixtureToday
  const foldedAt = shanghai(fixtureToday, '08:00')
  const { accountId, memberId } = fixtureIds
  const tierName = { en: 'VIP', 'zh-CN': '贵宾' }
  const disputed = ['bb-ledger:dec-charge']
  const segments = [{ amount: 10_000, from: '2026-02-01', through: '2026-02-19', days: 19 }]
  const lateFee = { through: '2026-02-28', perMille: 3, segments, cumulative: 570, charged: 0 }
  const months = [
    month('2026-02', 10_000, [
      { id: 'bb-ledger:feb-charge', kind: 'charge', on: '2026-02-01', debit: 10_000, credit: 0, month: '2026-02', detail: { kind: 'monthly-fee', run: 'run:2026-02', monthlyFee: 10_000 } },
      { id: 'bb-ledger:feb-payment', kind: 'payment', on: '2026-02-20', debit: 0, credit: 10_000, receiptNo: 'R-2002' },
      { id: 'bb-ledger:feb-late-fee', kind: 'late-fee', on: '2026-02-28', debit: 570, credit: 0, month: '2026-02', detail: { kind: 'late-fee', ...lateFee } },
    ], today, disputed, lateFee),
    month('2026-01', 0, [
      { id: 'bb-ledger:jan-charge', kind: 'charge', on: '2026-01-01', debit: 10_000, credit: 0, month: '2026-01', detail: { kind: 'monthly-fee', run: 'run:2026-01', monthlyFee: 10_000 } },
    ], today, disputed),
    month('2025-12', 0, [
      { id: 'bb-ledger:dec-charge', kind: 'charge', on: '2025-12-01', debit: 10_000, credit: 0, month: '2025-12', detail: { kind: 'monthly-fee', run: 'run:2025-12', monthlyFee: 10_000 } },
      { id: 'bb-ledger:dec-payment', kind: 'payment', on: '2025-12-10', debit: 0, credit: 10_000, receiptNo: 'R-1001' },
    ], today, disputed),
  ]
  return {
    orgId: options.orgId ?? fixtureIds.orgId,
    profile: { personId: fixtureIds.personId, name: '王芳', foldedAt },
    memberships: [
      {
        memberId,
        memberNo: 'M-000123',
        status: 'active',
        tierName,
        start: '2025-04-01',
        end: '2026-03-31',
        renewal: { term: 'year', price: 960_000 },
        points: 9600,
        fees: [{ id: 'ledger:fixture-1', on: '2025-03-28', amount: 960_000, tierName, term: 'year', start: '2025-04-01', end: '2026-03-31' }],
        cardPublicJwks: {},
        service: { month: '2026-03', owed: 4, logged: 1, shortfall: 3 },
        foldedAt,
      },
    ],
    visits: [
      { memberId, year: '2026', visits: [
        { at: shanghai('2026-03-02', '19:00') },
        { at: shanghai('2026-02-14', '18:30'), out: shanghai('2026-02-14', '20:05') },
        { at: shanghai('2026-01-05', '19:03'), out: shanghai('2026-01-05', '21:10'), overridden: true },
      ], foldedAt },
      { memberId, year: '2025', visits: [
        { at: shanghai('2025-12-28', '10:15'), out: shanghai('2025-12-28', '12:00') },
        { at: shanghai('2025-11-20', '19:30'), out: shanghai('2025-11-20', '21:00') },
      ], foldedAt },
    ],
    accounts: [
      {
        accountId,
        accountNo: 'KD-0001',
        planName: '100M fibre',
        monthlyFee: 10_000,
        status: 'active',
        balance: 10_570,
        months: months.map((m) => m.month),
        notices: [
          { id: 'bb-notice:maintenance-1', kind: 'maintenance', title: 'Fibre works on Block 3', body: 'The line may drop for up to two hours.', postedOn: '2026-02-25', startsAt: shanghai('2026-03-14', '01:00'), endsAt: shanghai('2026-03-14', '03:00') },
          { id: 'bb-notice:terms-1', kind: 'terms', title: 'New monthly fee', body: 'The 100M plan costs ¥110.00 a month from April.', postedOn: '2026-03-01', effectiveOn: '2026-04-01' },
        ],
        disputes: [{ id: 'bb-dispute:dec', entryId: 'bb-ledger:dec-charge', raisedOn: '2025-12-05', status: 'rejected' }],
        foldedAt,
      },
    ],
    months,
  }
}

/**
 * The fixture with a card signed as the desk signs it (MEM-8): a fresh card key of epoch 1 unless one is given,
 * its public half stored beside the card, as the staff fold stores it.
 */
export async function signedSelfViews(options: { today?: LocalDate; orgId?: string; cardKey?: CardKeyPair; epoch?: number } = {}): Promise<SelfViewsData & { cardKey: CardKeyPair }> {
  const data = buildSelfViews(options)
  const cardKey = options.cardKey ?? (await generateCardKey())
  const epoch = options.epoch ?? 1
  const membership = data.memberships[0]!
  const serial = 1
  const text = await signCard({ orgId: data.orgId, memberId: membership.memberId, serial, epoch }, cardKey.privateJwk)
  membership.card = { text, serial }
  membership.cardPublicJwks = { [String(epoch)]: { ...cardKey.publicJwk } as Record<string, unknown> }
  return { ...data, cardKey }
}
