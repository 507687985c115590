import type { WordBundle } from '@/features/module'

/** Diagnostics: the words the shell shows before the feature loads (nav label). Tiny and eager: the rest load with the routes. */
const en = {
  nav: { diagnostics: 'Diagnostics' },
}

const zhCN: typeof en = {
  nav: { diagnostics: '诊断' },
}

export const diagnosticsNavWords: WordBundle = { en, 'zh-CN': zhCN }
