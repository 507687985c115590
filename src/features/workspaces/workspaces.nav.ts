import type { WordBundle } from '@/features/module'

/** The workspaces still to come: the words the shell shows before the feature loads (nav label and home card). Tiny and eager: the rest load with the routes. */
const en = {
  nav: {
    manage: 'Management',
  },
  home: {
    manageText: 'Settings, staff, audit review and reports.',
  },
}

const zhCN: typeof en = {
  nav: {
    manage: '管理',
  },
  home: {
    manageText: '设置、员工、审计核查与报表。',
  },
}

export const workspacesNavWords: WordBundle = { en, 'zh-CN': zhCN }
