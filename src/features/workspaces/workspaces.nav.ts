import type { WordBundle } from '@/features/module'

/** The workspaces still to come: the words the shell shows before the feature loads (nav label and home card). Tiny and eager: the rest load with the routes. */
const en = {
  nav: {
    field: 'Field work',
    manage: 'Management',
  },
  home: {
    fieldText: 'Repair tickets worked offline, with the customer’s signature.',
    manageText: 'Settings, staff, audit review and reports.',
  },
}

const zhCN: typeof en = {
  nav: {
    field: '外勤',
    manage: '管理',
  },
  home: {
    fieldText: '离线处理维修工单，并取得客户签字。',
    manageText: '设置、员工、审计核查与报表。',
  },
}

export const workspacesNavWords: WordBundle = { en, 'zh-CN': zhCN }
