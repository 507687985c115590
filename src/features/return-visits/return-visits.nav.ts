import type { WordBundle } from '@/features/module'

/** Return visits: the words the shell shows before the feature loads (nav label and home card). Tiny and eager. */
const en = {
  nav: { returnVisits: 'Return visits' },
  home: { returnVisitsText: 'Call customers back within 72 hours of a finished job; feedback on unsolved problems.' },
}

const zhCN: typeof en = {
  nav: { returnVisits: '回访' },
  home: { returnVisitsText: '完工后 72 小时内回访客户；未解决问题的书面反馈。' },
}

export const returnVisitsNavWords: WordBundle = { en, 'zh-CN': zhCN }
