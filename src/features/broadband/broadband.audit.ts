import type { AuditActionWords } from '@/features/module'
import type { FeatureAuditActions } from '@/storage/audit-events'

declare module '@/storage/audit-events' {
  // What the broadband desk writes to the audit log (CONF-6): ids, months and counts only, never a subscriber's data
  // (the account number and name are sealed in the agreement).
  interface FeatureAuditActions {
    // BB-1: an agreement was opened (pending until service starts) or its particulars changed (a plan change, BB-3).
    'broadband.agreement-open': true
    'broadband.agreement-change': true
    // BB-1, BB-4, BB-9, BB-12, BB-13: an agreement changed status (detail: the new status and the reason code).
    'broadband.status-change': true
    // BB-2: a payment was taken (detail: the channel).
    'broadband.payment': true
    // BB-2, BB-5, BB-6, BB-10: ledger entries were posted at once, e.g. a bill run (detail: kinds and count, the month).
    'broadband.post': true
    // BB-4: a dunning step was confirmed (detail: the step).
    'broadband.dunning': true
    // BB-6: an outage was recorded or updated.
    'broadband.outage': true
    // BB-7: a charge was disputed; a dispute was resolved (detail: upheld or rejected).
    'broadband.dispute-raise': true
    'broadband.dispute-resolve': true
    // BB-8, BB-13: a maintenance notice or a change of terms was posted (detail: its kind).
    'broadband.notice': true
    // BB-13: a subscriber's objection to new terms was recorded (detail: the outcome).
    'broadband.objection': true
    // A manager decided which of a month's two charges counts (detail: the month).
    'broadband.duplicate-review': true
  }
}

/** The desk's audit actions; importing this type is what brings the augmentation above into a program. */
export type BroadbandAuditAction = Extract<keyof FeatureAuditActions, `broadband.${string}`>

/** The words the audit page shows for each of the desk's actions; one missing or extra fails typecheck. */
export const broadbandAuditActions = {
  'broadband.agreement-open': { en: 'Broadband agreement opened', 'zh-CN': '开立了宽带协议' },
  'broadband.agreement-change': { en: 'Broadband agreement changed', 'zh-CN': '更改了宽带协议' },
  'broadband.status-change': { en: 'Broadband account status changed', 'zh-CN': '更改了宽带账户状态' },
  'broadband.payment': { en: 'Broadband payment taken', 'zh-CN': '收取了宽带费用' },
  'broadband.post': { en: 'Broadband ledger entries posted', 'zh-CN': '记入了宽带账目' },
  'broadband.dunning': { en: 'Broadband arrears step confirmed', 'zh-CN': '确认了宽带欠费催缴步骤' },
  'broadband.outage': { en: 'Broadband outage recorded', 'zh-CN': '记录了宽带故障' },
  'broadband.dispute-raise': { en: 'Broadband charge disputed', 'zh-CN': '对宽带费用提出了异议' },
  'broadband.dispute-resolve': { en: 'Broadband dispute resolved', 'zh-CN': '处理了宽带费用异议' },
  'broadband.notice': { en: 'Broadband notice posted', 'zh-CN': '发布了宽带通知' },
  'broadband.objection': { en: 'Objection to new broadband terms recorded', 'zh-CN': '记录了对宽带新条款的异议' },
  'broadband.duplicate-review': { en: 'Broadband duplicate charge reviewed', 'zh-CN': '审核了宽带重复收费' },
} as const satisfies AuditActionWords<BroadbandAuditAction>
