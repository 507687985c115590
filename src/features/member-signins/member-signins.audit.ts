import type { AuditActionWords } from '@/features/module'
import type { FeatureAuditActions } from '@/storage/audit-events'

declare module '@/storage/audit-events' {
  // Issue 14 (BB-11, CONF-11): what the desk writes about members' own sign-ins.
  interface FeatureAuditActions {
    // A one-time code was issued for a person's phone sign-in (first, or after a forgotten password; detail says which).
    'member-signins.issue': true
    // The member's views were written to their own database (detail: how many).
    'member-signins.views': true
    // A member's request from their phone (BB-7 dispute, BB-13 objection) taken into the counter's realm, or refused.
    'member-signins.take-in': true
  }
}

export type MemberSigninsAuditAction = Extract<keyof FeatureAuditActions, `member-signins.${string}`>

export const memberSigninsAuditActions = {
  'member-signins.issue': { en: 'One-time sign-in code issued to a member', 'zh-CN': '为会员发放一次性登录码' },
  'member-signins.views': { en: 'Member\'s own account pages updated', 'zh-CN': '更新了会员本人的账户页面' },
  'member-signins.take-in': { en: 'Member\'s request from their phone taken in', 'zh-CN': '受理了会员在手机上提交的申请' },
} as const satisfies AuditActionWords<MemberSigninsAuditAction>
