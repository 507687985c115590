/** MEM-5, MEM-7, MEM-8, MEM-10 (issue 14): the membership a member sees of themselves, folded from the desk's records. */
import { coveringFee, membershipState } from '@/core/membership/membership-state'
import { priceFor } from '@/core/membership/pricing'
import { serviceShortfall } from '@/core/membership/service-hours'
import type { Bilingual, FeeEntry, LedgerEntry, LocalDate, Member, MembershipSettings, ServiceLog } from '@/core/membership/types'
import { localDateOf } from '@/core/shared/local-date'
import type { SelfFee, SelfMembership } from './schemas'

/** A desk ledger entry with the id it is stored under (what a fee line on the phone is keyed by). */
export interface IdentifiedLedgerEntry {
  id: string
  record: LedgerEntry
}

type IdentifiedFee = { id: string; record: FeeEntry }

export interface MembershipViewInput {
  memberId: string
  member: Member
  /** The member's ledger entries; anyone else's passed by mistake are left out (CONF-11). */
  ledger: readonly IdentifiedLedgerEntry[]
  serviceLogs: readonly ServiceLog[]
  /** Tiers, points rate and the organisation's time zone (the day a fee was paid is its local date). */
  settings: MembershipSettings
  today: LocalDate
  /** MEM-8: the member's card QR text, signed by the caller; absent while no card can be signed. */
  cardText?: string
  /** MEM-8: the card keys' public halves by epoch. */
  cardPublicJwks: Readonly<Record<string, JsonWebKey>>
  /** When the view is folded (`foldedAt`). */
  now: number
}

// (at, id) is the same order on every device, whatever order the records were read in: `feesOf` keeps the input
// order between fees of equal `at`, and two staff devices must fold the same body.
function byAtThenId(a: IdentifiedLedgerEntry, b: IdentifiedLedgerEntry): number {
  return a.record.at - b.record.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

// A tier removed from the settings still names the fees paid in it: its id stands in for the name.
function tierNameOf(settings: MembershipSettings, tierId: string): Bilingual {
  return settings.tiers.find((t) => t.id === tierId)?.name ?? { 'zh-CN': tierId, en: tierId }
}

// With none covering today, `membershipState` calls current the latest-starting fee (the last paid among equal
// starts); its term is what a renewal would buy again.
function latestStarting(fees: readonly FeeEntry[]): FeeEntry | undefined {
  return fees.reduce<FeeEntry | undefined>((latest, f) => (latest === undefined || f.start >= latest.start ? f : latest), undefined)
}

/**
 * The member's own membership view (`self-membership:<memberId>`): status (a suspension wins over the term's state,
 * as at check-in), tier and dates of the current run of terms, the price of renewing its tier and term (MEM-7),
 * points (MEM-10), every fee newest first, the card (MEM-8) and, while an active tier owes service hours, this
 * month's hours and shortfall (MEM-5). Deterministic: the same records give the same body in any order.
 */
export function membershipView(input: MembershipViewInput): SelfMembership {
  const { memberId, member, settings, today } = input
  const own = input.ledger.filter((e) => e.record.memberId === memberId).sort(byAtThenId)
  const ledger = own.map((e) => e.record)
  const state = membershipState(ledger, memberId, today, settings)
  // Sorted by (at, id), the member's fees are already in the order `feesOf` gives them, ids alongside.
  const ownFees = own.filter((e): e is IdentifiedFee => e.record.kind === 'fee')
  const current = coveringFee(ledger, memberId, today) ?? latestStarting(ownFees.map((e) => e.record))
  const tier = settings.tiers.find((t) => t.id === state.tierId)

  const fees = ownFees
    .map(({ id, record: f }): SelfFee => ({ id, on: localDateOf(f.at, settings.timeZone), amount: f.amount, tierName: tierNameOf(settings, f.tierId), term: f.term, start: f.start, end: f.end }))
    .reverse()
  const month = today.slice(0, 7)
  const owed = state.status === 'active' ? (tier?.serviceHoursPerMonth ?? 0) : 0

  return {
    memberId,
    memberNo: member.memberNo,
    status: member.suspended ? 'suspended' : state.status,
    ...(state.tierId !== undefined ? { tierName: tierNameOf(settings, state.tierId) } : {}),
    ...(state.start !== undefined ? { start: state.start } : {}),
    ...(state.end !== undefined ? { end: state.end } : {}),
    ...(tier && current ? { renewal: { term: current.term, price: priceFor(tier, current.term) } } : {}),
    points: state.points,
    fees,
    ...(input.cardText !== undefined ? { card: { text: input.cardText, serial: member.cardSerial } } : {}),
    cardPublicJwks: Object.fromEntries(Object.entries(input.cardPublicJwks).map(([epoch, jwk]) => [epoch, { ...jwk }])),
    ...(owed > 0 ? { service: { month, ...serviceShortfall([...input.serviceLogs], memberId, month, owed) } } : {}),
    foldedAt: input.now,
  }
}
