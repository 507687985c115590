import type { WordBundle } from '@/features/module'

/** The workspaces still to come: the words the shell shows before the feature loads (nav label and home card). Tiny and eager: the rest load with the routes. */
const en = {
  nav: {
    broadband: 'Broadband',
    field: 'Field work',
    manage: 'Management',
  },
  home: {
    broadbandText: 'Subscriber accounts, bills, payments and arrears.',
    fieldText: 'Repair tickets worked offline, with the customer’s signature.',
    manageText: 'Settings, staff, audit review and reports.',
  },
}

const zhCN: typeof en = {
  nav: {
    broadband: '宽带',
    field: '外勤',
    manage: '管理',
  },
  home: {
    broadbandText: '宽带用户账户、账单、缴费与欠费。',
    fieldText: '离线处理维修工单，并取得客户签字。',
    manageText: '设置、员工、审计核查与报表。',
  },
}

export const workspacesNavWords: WordBundle = { en, 'zh-CN': zhCN }
