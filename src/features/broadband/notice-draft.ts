import { checkMaintenanceNotice } from '@/core/broadband/notice-lead'
import { checkNoticeChannels, checkTermsNotice } from '@/core/broadband/terms-notice'
import type { BroadbandNotice, NoticeChannel, NoticeKind } from '@/core/broadband/types'
import { isLocalDate, localDateOf } from '@/core/shared/local-date'
import { instantOfLocal } from './outage-draft'

/** The notice form as typed: times as `datetime-local` values, the day as a `date` value, account numbers any separators. */
export interface NoticeDraft {
  kind: NoticeKind
  title: string
  body: string
  startsAt: string
  endsAt: string
  effectiveOn: string
  who: 'all' | 'listed'
  accountNos: string
  channels: NoticeChannel[]
}

export type NoticeField = 'title' | 'body' | 'startsAt' | 'endsAt' | 'effectiveOn' | 'accountNos' | 'channels'
export type NoticeFieldProblem =
  | { problem: 'required' | 'endBeforeStart' | 'channel' | 'effectivePast' }
  | { problem: 'leadTooShort' | 'startsBeforeNotice'; earliest: number }

/** What is written once the accounts are resolved and who posts it is known. */
export type NoticeBody = Pick<BroadbandNotice, 'kind' | 'title' | 'body' | 'channels' | 'startsAt' | 'endsAt' | 'effectiveOn'>

export type CheckedNotice = { ok: true; notice: NoticeBody; accountNos: string[] | undefined } | { ok: false; problems: Partial<Record<NoticeField, NoticeFieldProblem>> }

/** Account numbers typed with any separators, each once. */
export const accountNosOf = (text: string): string[] => [...new Set(text.split(/[\s,，;；、]+/).filter(Boolean))]

/**
 * BB-8, BB-13: what is wrong with each field of a notice, or the notice. Maintenance starts at least 48 hours after
 * `now` (refused saying the earliest start allowed) and ends after it starts; new terms apply from a day after
 * today; at least one channel; a notice to listed accounts lists some.
 */
export function checkNoticeDraft(draft: NoticeDraft, now: number, tz: string): CheckedNotice {
  const problems: Partial<Record<NoticeField, NoticeFieldProblem>> = {}
  const required = { problem: 'required' } as const
  if (!draft.title.trim()) problems.title = required
  if (!draft.body.trim()) problems.body = required
  if (!checkNoticeChannels(draft.channels).ok) problems.channels = { problem: 'channel' }
  const accountNos = draft.who === 'listed' ? accountNosOf(draft.accountNos) : undefined
  if (accountNos && !accountNos.length) problems.accountNos = required
  const notice: NoticeBody = { kind: draft.kind, title: draft.title.trim(), body: draft.body.trim(), channels: [...draft.channels] }
  if (draft.kind === 'maintenance') {
    const startsAt = instantOfLocal(draft.startsAt, tz)
    const endsAt = instantOfLocal(draft.endsAt, tz)
    if (startsAt === undefined) problems.startsAt = required
    else {
      const lead = checkMaintenanceNotice(now, startsAt)
      if (!lead.ok) problems.startsAt = { problem: lead.problem === 'lead-too-short' ? 'leadTooShort' : 'startsBeforeNotice', earliest: lead.earliestStart }
    }
    if (endsAt === undefined) problems.endsAt = required
    else if (startsAt !== undefined && endsAt <= startsAt) problems.endsAt = { problem: 'endBeforeStart' }
    if (startsAt !== undefined && endsAt !== undefined) Object.assign(notice, { startsAt, endsAt })
  } else {
    if (!isLocalDate(draft.effectiveOn)) problems.effectiveOn = required
    else if (!checkTermsNotice(localDateOf(now, tz), draft.effectiveOn).ok) problems.effectiveOn = { problem: 'effectivePast' }
    else notice.effectiveOn = draft.effectiveOn
  }
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, notice, accountNos }
}
