import type { WordBundle } from '@/features/module'

/** The technician's phone: the words the shell shows before the feature loads (its nav label). Tiny and eager. */
const en = {
  nav: { field: 'My jobs' },
}

const zhCN: typeof en = {
  nav: { field: '我的工单' },
}

export const fieldNavWords: WordBundle = { en, 'zh-CN': zhCN }
