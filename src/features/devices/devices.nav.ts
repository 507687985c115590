import type { WordBundle } from '@/features/module'

/** The devices page: the words the shell shows before the feature loads (nav label). Tiny and eager: the rest load with the routes. */
const en = {
  nav: { devices: 'Devices' },
}

const zhCN: typeof en = {
  nav: { devices: '设备' },
}

export const devicesNavWords: WordBundle = { en, 'zh-CN': zhCN }
