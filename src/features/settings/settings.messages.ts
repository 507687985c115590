/** The device settings' own words (the rest of the page's are the shell's `settings.*`), loaded with its route. */
const en = {
  deviceIdleLock: {
    range: 'From {min} to {max} seconds.',
    minutes: '{n} min',
    seconds: '{n} s',
    /** What this device falls back to: the organisation's value or, with none known here, the built-in one. */
    default: {
      organisation: 'Organisation default: {duration}.',
      'built-in': 'Built-in default: {duration}.',
    },
    usesDefault: 'This device uses the default.',
    usesOwn: 'This device uses its own time: {duration}.',
    followDefault: 'Use the default again',
    followingDefault: 'This device now uses the default.',
  },
}

const zhCN: typeof en = {
  deviceIdleLock: {
    range: '{min} 至 {max} 秒。',
    minutes: '{n} 分钟',
    seconds: '{n} 秒',
    default: {
      organisation: '组织默认：{duration}。',
      'built-in': '内置默认：{duration}。',
    },
    usesDefault: '本设备使用默认时间。',
    usesOwn: '本设备使用自己的时间：{duration}。',
    followDefault: '恢复使用默认时间',
    followingDefault: '本设备现在使用默认时间。',
  },
}

export const settingsMessages = { en, 'zh-CN': zhCN }
