import type { BroadbandNotice } from '@/core/broadband/types'
import { localPartsOf } from '@/core/shared/local-date'

type Locale = 'en' | 'zh-CN'

/** What a notice's message text is made of (a posted notice, or one being written). */
export type NoticeFacts = Pick<BroadbandNotice, 'kind' | 'title' | 'body' | 'startsAt' | 'endsAt' | 'effectiveOn'>

/** "2026-12-10 22:00" in the organisation's time zone. */
export function localDateTime(instant: number, tz: string): string {
  const parts = localPartsOf(instant, tz)
  return `${parts.date} ${parts.time}`
}

/**
 * BB-8, BB-13: a notice as one message text to copy into an SMS or a group chat (the statement and the web notice
 * show the notice itself). Pure, so the words the subscriber gets are tested to the character.
 */
export function noticeMessage(notice: NoticeFacts, organisation: string, tz: string, locale: Locale): string {
  const when = (at: number | undefined) => (at === undefined ? '' : localDateTime(at, tz))
  const body = notice.body.trim()
  if (notice.kind === 'maintenance') {
    return locale === 'en'
      ? `${organisation}: planned network maintenance, ${notice.title}, from ${when(notice.startsAt)} to ${when(notice.endsAt)}. ${body}`.trim()
      : `【${organisation}】网络维护通知：${notice.title}，时间 ${when(notice.startsAt)} 至 ${when(notice.endsAt)}。${body}`
  }
  return locale === 'en'
    ? `${organisation}: change of broadband terms, ${notice.title}, from ${notice.effectiveOn ?? ''}. ${body} If you object, tell us before that day; not objecting means you accept the new terms.`
    : `【${organisation}】宽带协议条款变更：${notice.title}，自 ${notice.effectiveOn ?? ''} 起生效。${body}如有异议请在生效日前告知我们；未提出异议视为接受。`
}
