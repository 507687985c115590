import { describe, expect, it } from 'vitest'
import { noticeMessage } from './notice-text'

const tz = 'Asia/Shanghai'
const org = '东湖校园网络中心'

describe('BB-8, BB-13 notices as a message text to copy', () => {
  it('BB-8: a maintenance notice says when the work starts and ends, in the organisation\'s time zone', () => {
    const notice = { kind: 'maintenance' as const, title: 'Core switch upgrade', body: 'Service drops for up to 2 hours.', startsAt: Date.parse('2026-12-10T22:00:00+08:00'), endsAt: Date.parse('2026-12-11T02:00:00+08:00') }
    expect(noticeMessage(notice, org, tz, 'en')).toBe('东湖校园网络中心: planned network maintenance, Core switch upgrade, from 2026-12-10 22:00 to 2026-12-11 02:00. Service drops for up to 2 hours.')
    expect(noticeMessage(notice, org, tz, 'zh-CN')).toBe('【东湖校园网络中心】网络维护通知：Core switch upgrade，时间 2026-12-10 22:00 至 2026-12-11 02:00。Service drops for up to 2 hours.')
  })

  it('BB-13: a change of terms says the day it applies and that not objecting by then accepts it', () => {
    const notice = { kind: 'terms' as const, title: '新资费', body: '月费调整为 ¥50.00。', effectiveOn: '2027-01-01' }
    expect(noticeMessage(notice, org, tz, 'zh-CN')).toBe('【东湖校园网络中心】宽带协议条款变更：新资费，自 2027-01-01 起生效。月费调整为 ¥50.00。如有异议请在生效日前告知我们；未提出异议视为接受。')
    expect(noticeMessage(notice, org, tz, 'en')).toBe('东湖校园网络中心: change of broadband terms, 新资费, from 2027-01-01. 月费调整为 ¥50.00。 If you object, tell us before that day; not objecting means you accept the new terms.')
  })
})
