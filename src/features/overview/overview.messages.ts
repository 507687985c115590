/**
 * The manager's day (issue 15 §8), under `overview`. zh-CN is typed as en. These travel with the overview's own
 * chunk and are used in its local i18n scope (OverviewToday.vue): it is a section of the home page, which loads with
 * the app, so the words of a section only managers see are not in everyone's first load.
 */
const en = {
  overview: {
    title: 'Today at a glance',
    asOf: 'As of {at}.',
    refresh: 'Read again',
    reading: 'Reading…',
    failed: 'Could not be read',
    opens: 'Opens the list',
    visitors: 'Visitors in the building',
    membersIn: 'Members in',
    ending: 'Memberships ending in the next {days} days',
    arrears: 'Broadband accounts in arrears',
    dunning: 'Accounts due for a dunning step today',
    complaints: 'Complaints waiting for dispatch',
    complaintsOverdue: '{n} past their 60 minutes',
    returnVisits: 'Return visits due',
    returnVisitsOverdue: '{n} past their 72 hours',
    devices: 'Devices synced in the last {hours} hours',
    devicesOf: '{healthy} of {all}',
    devicesTitle: 'Sync health of every device',
    device: 'Device',
    user: 'User',
    lastSync: 'Last sync',
    standing: 'Standing',
    never: 'Never heard to sync',
    synced: 'Synced',
    stale: 'Not synced for over {hours} hours',
    thisDevice: 'this device',
  },
}

const zhCN: typeof en = {
  overview: {
    title: '今日概览',
    asOf: '截至 {at}。',
    refresh: '重新读取',
    reading: '正在读取…',
    failed: '无法读取',
    opens: '打开列表',
    visitors: '在楼内的访客',
    membersIn: '在馆会员',
    ending: '{days} 天内到期的会籍',
    arrears: '欠费的宽带账户',
    dunning: '今日应催缴的账户',
    complaints: '等待派工的投诉',
    complaintsOverdue: '其中 {n} 单已超过 60 分钟',
    returnVisits: '待回访',
    returnVisitsOverdue: '其中 {n} 单已超过 72 小时',
    devices: '最近 {hours} 小时内同步过的设备',
    devicesOf: '{healthy} / {all}',
    devicesTitle: '各设备同步情况',
    device: '设备',
    user: '用户',
    lastSync: '最近同步',
    standing: '状态',
    never: '从未同步',
    synced: '已同步',
    stale: '超过 {hours} 小时未同步',
    thisDevice: '本设备',
  },
}

export const overviewMessages = { en, 'zh-CN': zhCN }
