import { isLocale } from '@/core/shared/locale'
import type { AuditAction } from '@/storage/audit-events'
import { auditActionWords } from './audit-actions.messages'

/**
 * The words for an audit action, as the audit page shows them in its filter and rows. An action this version
 * has no words for (an entry a newer app wrote and synced here) reads as its name in words, never as a key.
 */
export function actionLabel(action: AuditAction | string, locale: string): string {
  const words: Record<string, string> = auditActionWords[isLocale(locale) ? locale : 'en']
  if (Object.hasOwn(words, action)) return words[action]!
  const spelled = action.replace(/[.\-_]+/g, ' ').trim()
  return spelled.charAt(0).toUpperCase() + spelled.slice(1)
}
