import type { WordBundle } from '@/features/module'

/** Reception: the words the shell shows before the feature loads (nav label and home card). Tiny and eager: the rest load with the routes. */
const en = {
  nav: { reception: 'Visitors' },
  home: {
    receptionText: 'Register visitors by phone, see who is in the building, check them out.',
  },
}

const zhCN: typeof en = {
  nav: { reception: '访客接待' },
  home: {
    receptionText: '凭手机号登记访客，查看在楼访客，办理离开。',
  },
}

export const receptionNavWords: WordBundle = { en, 'zh-CN': zhCN }
