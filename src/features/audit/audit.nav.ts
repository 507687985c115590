import type { WordBundle } from '@/features/module'

/** The audit log: the words the shell shows before the feature loads (nav label). Tiny and eager: the rest load with the routes. */
const en = {
  nav: { audit: 'Audit log' },
}

const zhCN: typeof en = {
  nav: { audit: '审计日志' },
}

export const auditNavWords: WordBundle = { en, 'zh-CN': zhCN }
