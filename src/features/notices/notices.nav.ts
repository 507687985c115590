import type { WordBundle } from '@/features/module'

/**
 * REC-3 notices: the words the shell shows before the feature loads (nav label) and those of the system
 * notification, which the notices store shows on any page. Tiny and eager: the page's words load with its route.
 */
const en = {
  nav: { notices: 'Notices' },
  noticeBadge: { waiting: 'Notices to acknowledge: {n}' },
  noticeAlert: {
    visitorArrived: 'Your visitor has arrived',
    visitorArrivedBody: '{name} is waiting at {place}.',
    visitorArrivedNoPlace: '{name} is waiting.',
    someone: 'A visitor',
  },
}

const zhCN: typeof en = {
  nav: { notices: '通知' },
  noticeBadge: { waiting: '待确认通知：{n}' },
  noticeAlert: {
    visitorArrived: '您的访客已到达',
    visitorArrivedBody: '{name} 正在 {place} 等候。',
    visitorArrivedNoPlace: '{name} 正在等候。',
    someone: '一位访客',
  },
}

export const noticesNavWords: WordBundle = { en, 'zh-CN': zhCN }
export type NoticeAlertWords = (typeof en)['noticeAlert']
export const noticeAlertWords: Record<'en' | 'zh-CN', NoticeAlertWords> = { en: en.noticeAlert, 'zh-CN': zhCN.noticeAlert }
