import type { AuditActionWords } from '@/features/module'
import type { FeatureAuditActions } from '@/storage/audit-events'

declare module '@/storage/audit-events' {
  // What the technician's phone writes to the audit log (CONF-6): job ids and counts, never the customer's details.
  interface FeatureAuditActions {
    // SVC-3: a job was started on the phone.
    'field.job-start': true
    // SVC-3: a photo was added to a job (detail: its chunks) or taken off it before the job was finished.
    'field.photo-add': true
    'field.photo-remove': true
    // SVC-3: the customer signed the voucher.
    'field.signature': true
    // SVC-3: a job was finished (detail: photos, signed).
    'field.job-finish': true
  }
}

/** The phone's audit actions; importing this type is what brings the augmentation above into a program. */
export type FieldAuditAction = Extract<keyof FeatureAuditActions, `field.${string}`>

/** The words the audit page shows for each of the phone's actions; one missing or extra fails typecheck. */
export const fieldAuditActions = {
  'field.job-start': { en: 'Field job started', 'zh-CN': '开始了外勤工单' },
  'field.photo-add': { en: 'Photo added to a field job', 'zh-CN': '为外勤工单添加了照片' },
  'field.photo-remove': { en: 'Photo removed from a field job', 'zh-CN': '从外勤工单删除了照片' },
  'field.signature': { en: 'Customer signed a field job', 'zh-CN': '客户在外勤工单上签了名' },
  'field.job-finish': { en: 'Field job finished', 'zh-CN': '完成了外勤工单' },
} as const satisfies AuditActionWords<FieldAuditAction>
