import type { WordBundle } from '@/features/module'

/** Broadband: the words the shell shows before the feature loads (nav label and home card). Tiny and eager: the rest load with the routes. */
const en = {
  nav: { broadband: 'Broadband' },
  home: { broadbandText: 'Subscriber accounts, bills, payments and arrears.' },
}

const zhCN: typeof en = {
  nav: { broadband: '宽带' },
  home: { broadbandText: '宽带用户账户、账单、缴费与欠费。' },
}

export const broadbandNavWords: WordBundle = { en, 'zh-CN': zhCN }
