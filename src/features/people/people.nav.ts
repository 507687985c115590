import type { WordBundle } from '@/features/module'

/** The people directory: the words the shell shows before the feature loads (nav label). Tiny and eager: the rest load with the routes. */
const en = {
  nav: { people: 'People' },
}

const zhCN: typeof en = {
  nav: { people: '人员' },
}

export const peopleNavWords: WordBundle = { en, 'zh-CN': zhCN }
