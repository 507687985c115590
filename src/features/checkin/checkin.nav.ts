import type { WordBundle } from '@/features/module'

/** Member check-in: the words the shell shows before the feature loads (nav label and home card). Tiny and eager: the rest load with the routes. */
const en = {
  nav: { checkin: 'Member check-in' },
  home: {
    checkinText: 'Scan a member card or type a member number: admitted or not, and why.',
  },
}

const zhCN: typeof en = {
  nav: { checkin: '会员签到' },
  home: {
    checkinText: '扫描会员卡或输入会员号：能否入场，原因一目了然。',
  },
}

export const checkinNavWords: WordBundle = { en, 'zh-CN': zhCN }
