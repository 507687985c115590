import type { OpenedNotice } from '@/storage/notices.repo'
import type { NoticeAlertWords } from './notices.nav'

/**
 * What a notice says, in words: for `visitor-arrived`, the visitor's name as the desk gave it (`visitorName`,
 * or `name`) and the place (`place`). Anything else the body holds is not shown here.
 */
export function noticeText(notice: Pick<OpenedNotice, 'kind' | 'body'>, words: NoticeAlertWords): { title: string; text: string } {
  const field = (key: string) => {
    const value = notice.body[key]
    return typeof value === 'string' && value.trim() ? value.trim() : undefined
  }
  const name = field('visitorName') ?? field('name') ?? words.someone
  const place = field('place')
  const text = place ? words.visitorArrivedBody.replace('{name}', name).replace('{place}', place) : words.visitorArrivedNoPlace.replace('{name}', name)
  return { title: words.visitorArrived, text }
}
