import type { AuditActionWords } from '@/features/module'
import type { FeatureAuditActions } from '@/storage/audit-events'

declare module '@/storage/audit-events' {
  // What the service office writes to the audit log (CONF-6): ids, kinds and counts only, never a customer's data.
  interface FeatureAuditActions {
    // SVC-1: a request, an enquiry or a complaint was taken (detail: nature, kind, complaint, fault report).
    'service.request-take': true
    // SVC-2: a request was dispatched to a technician, or reassigned (detail: first or reassign).
    'service.dispatch': true
    // SVC-2: a job was withdrawn from a technician's realm (a reassignment).
    'service.job-withdraw': true
    // SVC-3: a finished job was taken in from a technician's realm (detail: photos and whether signed).
    'service.take-in': true
    // Issue 15 §6: a fault report was linked to the broadband desk's outage record.
    'service.outage-link': true
  }
}

/** The office's audit actions; importing this type is what brings the augmentation above into a program. */
export type ServiceAuditAction = Extract<keyof FeatureAuditActions, `service.${string}`>

/** The words the audit page shows for each of the office's actions; one missing or extra fails typecheck. */
export const serviceAuditActions = {
  'service.request-take': { en: 'Service request taken', 'zh-CN': '受理了服务请求' },
  'service.dispatch': { en: 'Service request dispatched', 'zh-CN': '派工了服务请求' },
  'service.job-withdraw': { en: 'Job withdrawn from a technician', 'zh-CN': '从技术员处撤回了工单' },
  'service.take-in': { en: 'Finished job taken in', 'zh-CN': '接收了完工工单' },
  'service.outage-link': { en: 'Fault report linked to an outage', 'zh-CN': '将故障报修关联到停机记录' },
} as const satisfies AuditActionWords<ServiceAuditAction>
