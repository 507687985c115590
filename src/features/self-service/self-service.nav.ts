import type { WordBundle } from '@/features/module'

/** The member's own screens: the words the shell shows before the feature loads (nav label and home card). */
const en = {
  nav: { myAccount: 'My account' },
  home: { myAccountText: 'Your membership and card, your visits, your broadband bills and notices.' },
}

const zhCN: typeof en = {
  nav: { myAccount: '我的账户' },
  home: { myAccountText: '您的会员资格与会员卡、到访记录、宽带账单与通知。' },
}

export const selfServiceNavWords: WordBundle = { en, 'zh-CN': zhCN }
