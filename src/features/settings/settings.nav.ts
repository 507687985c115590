import type { WordBundle } from '@/features/module'

/** This user’s and device’s settings: the words the shell shows before the feature loads (nav label). Tiny and eager: the rest load with the routes. */
const en = {
  nav: { settings: 'Settings' },
}

const zhCN: typeof en = {
  nav: { settings: '设置' },
}

export const settingsNavWords: WordBundle = { en, 'zh-CN': zhCN }
