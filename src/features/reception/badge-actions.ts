import { maskName } from '@/core/access/masking'
import { printableBadge } from '@/core/reception/printable-badge'
import { localDateOf } from '@/core/shared/local-date'
import { looksLikeMemberCard } from '@/crypto/card-key'
import { approvalOf, type ApprovalContext } from './approval-actions'
import type { ReceptionContext } from './reception-actions'
import { issueBadge, readBadge, type BadgeReading, type BadgeStorage } from './badge/badge-token'

/**
 * REC-4: a visit's badge text to print and when it stops being good, or why there is none (no badge for this visit
 * now, or no card key here).
 */
export type BadgeToPrint = { ok: true; text: string; expiresAt: number } | { ok: false; problem: 'no-badge' | 'no-card-key' }

/**
 * REC-4, REC-5: signs the badge of a visit (read here by id, not taken from a page) that has one now: one issued at
 * registration, good until its stored expiry, or one waiting for the principal once a principal's approval has
 * reached this device (printable-badge.ts). The visit is never rewritten: the badge is derived from visit + approval.
 */
export async function badgeToPrint(ctx: ApprovalContext & Pick<ReceptionContext, 'org'>, storage: BadgeStorage, visitId: string): Promise<BadgeToPrint> {
  const visit = await ctx.records.visits.get(visitId)
  if (!visit) return { ok: false, problem: 'no-badge' }
  const approval = visit.badge.issued ? undefined : await approvalOf(ctx, visitId)
  const decided = printableBadge(visit, approval?.needed && approval.approved ? approval.at : undefined, ctx.org)
  if (!decided.printable) return { ok: false, problem: 'no-badge' }
  const issued = await issueBadge(storage, visitId, decided.expiresAt)
  return issued.ok ? { ...issued, expiresAt: decided.expiresAt } : issued
}

/** Why a scanned badge checks nobody out: the badge's own reason (badge-token.ts), or the visit's state. */
export type BadgeCheckOutProblem = Exclude<BadgeReading, { ok: true }>['reason'] | 'member-card' | 'unknown-visit' | 'refused' | 'already-out'

/** `name`: masked (CONF-4), for the desk's "checked out" line. `expiresAt`: when an expired badge stopped being good. */
export type BadgeCheckOut = { ok: true; visitId: string; name: string } | { ok: false; problem: BadgeCheckOutProblem; expiresAt?: number }

/**
 * REC-6: a badge scanned at reception checks its visit out (`how: 'badge'`); anything else writes nothing. An
 * expired badge still names its visit, so a visitor who stayed late is checked out by it; an expired badge of no
 * visit this device knows is refused as expired. A forged badge is audited like a forged member card (`card.forged`,
 * never the text): someone made or altered one.
 */
export async function checkOutByBadge(ctx: ReceptionContext, storage: BadgeStorage, text: string): Promise<BadgeCheckOut> {
  // A member card held to the wrong scanner: the desk says where it belongs, not only that it is no badge.
  if (looksLikeMemberCard(text)) return { ok: false, problem: 'member-card' }
  const read = await readBadge(storage, text, ctx.now)
  if (!read.ok && read.reason === 'forged') await ctx.audit.append({ action: 'card.forged', by: ctx.userId, detail: 'visitor badge: signature failed' })
  if (!read.ok && read.reason !== 'expired') return { ok: false, problem: read.reason }
  const visit = await ctx.records.visits.get(read.visitId)
  if (!visit) return read.ok ? { ok: false, problem: 'unknown-visit' } : { ok: false, problem: 'expired', expiresAt: read.expiresAt }
  if (visit.refused) return { ok: false, problem: 'refused' }
  if ((await ctx.records.checkOuts.byParent(read.visitId)).length) return { ok: false, problem: 'already-out' }
  await ctx.records.checkOuts.add({ visitId: read.visitId, at: ctx.now, day: localDateOf(ctx.now, ctx.org.timeZone), how: 'badge', deviceId: ctx.deviceId, by: ctx.userId })
  return { ok: true, visitId: read.visitId, name: maskName(visit.name) }
}
