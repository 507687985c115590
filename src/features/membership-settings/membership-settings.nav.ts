import type { WordBundle } from '@/features/module'

/** The membership settings: the words the shell shows before the feature loads (nav label). Tiny and eager: the rest load with the routes. */
const en = {
  nav: { membershipSettings: 'Membership settings' },
}

const zhCN: typeof en = {
  nav: { membershipSettings: '会员设置' },
}

export const membershipSettingsNavWords: WordBundle = { en, 'zh-CN': zhCN }
