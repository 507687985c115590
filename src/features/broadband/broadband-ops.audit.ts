import type { AuditActionWords } from '@/features/module'
import type { FeatureAuditActions } from '@/storage/audit-events'

declare module '@/storage/audit-events' {
  // What the desk's runs write to the audit log (CONF-6): never a subscriber's data, only ids, months, counts and codes.
  interface FeatureAuditActions {
    // Issue 12 §3: a month's bill run posted (detail: the month and how many accounts were charged).
    'broadband.bill-run': true
    // BB-4: a person confirmed a dunning step the worklist proposed (detail: notice or credit-record).
    'broadband.dunning': true
    // BB-4, BB-9: a person confirmed a suspension or termination the worklist proposed (detail: the status and reason).
    'broadband.worklist-status': true
    // BB-6: an outage recorded or changed, and its credits posted after a confirmation (detail: how many accounts).
    'broadband.outage': true
    'broadband.outage-credit': true
    // BB-8, BB-13: a maintenance notice or change of terms posted; an objection to one recorded (detail: the outcome).
    'broadband.notice': true
    'broadband.objection': true
    // Issue 12 §3: a manager chose which of a month's two charges counts (detail: the month).
    'broadband.duplicate-review': true
  }
}

/** The runs' audit actions; importing this type is what brings the augmentation above into a program. */
export type BroadbandOpsAuditAction = Extract<
  keyof FeatureAuditActions,
  'broadband.bill-run' | 'broadband.dunning' | 'broadband.worklist-status' | 'broadband.outage' | 'broadband.outage-credit' | 'broadband.notice' | 'broadband.objection' | 'broadband.duplicate-review'
>

/** The words the audit page shows for each of the runs' actions; one missing or extra fails typecheck. */
export const broadbandOpsAuditActions = {
  'broadband.bill-run': { en: 'Broadband bill run posted', 'zh-CN': '宽带月度出账已过账' },
  'broadband.dunning': { en: 'Broadband dunning step confirmed', 'zh-CN': '确认了宽带催缴步骤' },
  'broadband.worklist-status': { en: 'Broadband account suspended or terminated from the worklist', 'zh-CN': '从待办清单暂停或终止了宽带账号' },
  'broadband.outage': { en: 'Broadband outage recorded', 'zh-CN': '记录了宽带故障' },
  'broadband.outage-credit': { en: 'Broadband outage credits posted', 'zh-CN': '宽带故障补偿已入账' },
  'broadband.notice': { en: 'Broadband notice posted', 'zh-CN': '发布了宽带通知' },
  'broadband.objection': { en: 'Objection to new broadband terms recorded', 'zh-CN': '记录了对宽带条款变更的异议' },
  'broadband.duplicate-review': { en: 'Broadband month charged twice resolved', 'zh-CN': '处理了宽带重复出账' },
} as const satisfies AuditActionWords<BroadbandOpsAuditAction>
