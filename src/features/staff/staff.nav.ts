import type { WordBundle } from '@/features/module'

/** Staff accounts: the words the shell shows before the feature loads (nav label). Tiny and eager: the rest load with the routes. */
const en = {
  nav: { staff: 'Staff' },
}

const zhCN: typeof en = {
  nav: { staff: '员工' },
}

export const staffNavWords: WordBundle = { en, 'zh-CN': zhCN }
