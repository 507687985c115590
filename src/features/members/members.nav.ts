import type { WordBundle } from '@/features/module'

/** The membership desk: the words the shell shows before the feature loads (nav label and home card). Tiny and eager: the rest load with the routes. */
const en = {
  nav: { members: 'Membership' },
  home: {
    membersText: 'Tiers, fees, cards and opening hours.',
  },
}

const zhCN: typeof en = {
  nav: { members: '会员' },
  home: {
    membersText: '会员等级、费用、会员卡与开放时间。',
  },
}

export const membersNavWords: WordBundle = { en, 'zh-CN': zhCN }
