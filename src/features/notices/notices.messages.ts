import type { WordBundle } from '@/features/module'

/** REC-3: the notices page. */
const en = {
  notices: {
    title: 'Notices',
    intro: 'Notices to you from colleagues, such as a visitor waiting for you. Only you can read them.',
    none: 'No notices waiting for you.',
    received: 'Received {when}',
    acknowledge: 'Acknowledge',
    acknowledged: 'Acknowledged: the desk will see it once this device syncs.',
    allow: 'Show a system notification when one arrives',
    allowed: 'System notifications are on while Lobby is open.',
    refused: 'System notifications are blocked for Lobby in this browser.',
  },
}

const zhCN: typeof en = {
  notices: {
    title: '通知',
    intro: '同事发给您的通知，例如有访客在等您。只有您能阅读。',
    none: '没有等待您处理的通知。',
    received: '收到于 {when}',
    acknowledge: '确认收到',
    acknowledged: '已确认：本设备同步后前台即可看到。',
    allow: '有新通知时显示系统通知',
    allowed: 'Lobby 打开时会显示系统通知。',
    refused: '此浏览器已禁止 Lobby 的系统通知。',
  },
}

export const noticesMessages: WordBundle = { en, 'zh-CN': zhCN }
