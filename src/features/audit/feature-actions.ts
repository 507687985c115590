import type { InjectionKey } from 'vue'
import type { AuditActionWords } from '@/features/module'

/** The audit actions the features write, with their words; the app provides them (a feature never imports app/). */
export const featureAuditActionsKey: InjectionKey<AuditActionWords> = Symbol('feature audit actions')
