import type { AuditActionWords } from '@/features/module'
import type { FeatureAuditActions } from '@/storage/audit-events'

declare module '@/storage/audit-events' {
  // What the reception desk writes to the audit log (CONF-6): the log accepts these as its own and refuses a misspelling.
  interface FeatureAuditActions {
    // REC-2: the desk chose otherwise than the visitor's category suggests (the reason is sealed in the visit).
    'reception.change': true
    // REC-5: the principal approved a visit to a restricted place (the approval event says who, when, from where).
    'reception.approve': true
    // REC-2, REC-3, REC-7: a manager saved the reception settings (the detail names the parts changed).
    'reception.settings-change': true
    // REC-6: a visit left open at closing was checked out automatically the next morning (detail: the visit's day).
    'reception.auto-checkout': true
    // REC-7: an incident was recorded (its id names the person concerned; what it says is sealed to them and the managers).
    'reception.incident': true
  }
}

/** The desk's audit actions; importing this type is what brings the augmentation above into a program. */
export type ReceptionAuditAction = Extract<keyof FeatureAuditActions, `reception.${string}`>

/** The words the audit page shows for each of the desk's actions; one missing or extra fails typecheck. */
export const receptionAuditActions = {
  'reception.change': { en: 'Visitor reception changed from the suggestion', 'zh-CN': '更改了建议的访客接待规格' },
  'reception.approve': { en: 'Principal approved a visit to a restricted area', 'zh-CN': '校长批准访客进入限制区域' },
  'reception.settings-change': { en: 'Reception settings changed', 'zh-CN': '更改了访客接待设置' },
  'reception.auto-checkout': { en: 'Visit left open at closing checked out automatically', 'zh-CN': '闭馆时未签退的访客已自动签退' },
  'reception.incident': { en: 'Incident recorded against a staff member', 'zh-CN': '记录了员工违规' },
} as const satisfies AuditActionWords<ReceptionAuditAction>
