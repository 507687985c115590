import type { WordBundle } from '@/features/module'

/** The organisation settings: the words the shell shows before the feature loads (nav label). Tiny and eager: the rest load with the routes. */
const en = {
  nav: { organisationSettings: 'Organisation settings', organisation: 'Organisation' },
}

const zhCN: typeof en = {
  nav: { organisationSettings: '机构设置', organisation: '机构信息' },
}

export const organisationSettingsNavWords: WordBundle = { en, 'zh-CN': zhCN }
