import type { AuditActionWords } from '@/features/module'
import type { FeatureAuditActions } from '@/storage/audit-events'

declare module '@/storage/audit-events' {
  // What the return visits write to the audit log (CONF-6): request ids, outcomes and counts, never a customer's data.
  interface FeatureAuditActions {
    // SVC-4: a return-visit call was logged (detail: its outcome).
    'return-visits.call': true
    // SVC-4: a return visit was closed (detail: visited or unreachable).
    'return-visits.close': true
    // SVC-4: an unresolved problem reopened the request: the department head's written feedback.
    'return-visits.reopen': true
    // CONF-4, CONF-6: the customer's name and number were shown in full to make the call.
    'return-visits.contact-shown': true
    // SVC-4: a manager changed the unreachable attempts (detail: the new number).
    'return-visits.settings-change': true
  }
}

/** The return visits' audit actions; importing this type is what brings the augmentation above into a program. */
export type ReturnVisitsAuditAction = Extract<keyof FeatureAuditActions, `return-visits.${string}`>

/** The words the audit page shows for each of the return visits' actions; one missing or extra fails typecheck. */
export const returnVisitsAuditActions = {
  'return-visits.call': { en: 'Return-visit call logged', 'zh-CN': '记录了回访电话' },
  'return-visits.close': { en: 'Return visit closed', 'zh-CN': '结束了回访' },
  'return-visits.reopen': { en: 'Service request reopened (feedback to the department head)', 'zh-CN': '重新开启了服务单（书面反馈部门负责人）' },
  'return-visits.contact-shown': { en: "Customer's contact details shown for a return visit", 'zh-CN': '为回访显示了客户联系方式' },
  'return-visits.settings-change': { en: 'Return-visit settings changed', 'zh-CN': '更改了回访设置' },
} as const satisfies AuditActionWords<ReturnVisitsAuditAction>
