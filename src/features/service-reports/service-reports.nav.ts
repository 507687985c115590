import type { WordBundle } from '@/features/module'

/** Service reports: the words the shell shows before the feature loads (nav label and home card). Tiny and eager. */
const en = {
  nav: { serviceReports: 'Service reports' },
  home: { serviceReportsText: "The team's daily counts and the weekly satisfaction report, printable." },
}

const zhCN: typeof en = {
  nav: { serviceReports: '服务报表' },
  home: { serviceReportsText: '班组每日统计与每周满意度报告，可打印。' },
}

export const serviceReportsNavWords: WordBundle = { en, 'zh-CN': zhCN }
