import type { WordBundle } from '@/features/module'

/** The start page: the words the shell shows before the feature loads (nav label). Tiny and eager: the rest load with the routes. */
const en = {
  nav: { home: 'Home' },
}

const zhCN: typeof en = {
  nav: { home: '首页' },
}

export const homeNavWords: WordBundle = { en, 'zh-CN': zhCN }
