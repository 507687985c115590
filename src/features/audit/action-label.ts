import { isLocale } from '@/core/shared/locale'
import type { AuditAction } from '@/storage/audit-events'
import type { AuditActionWords } from '@/features/module'
import { auditActionWords } from './audit-actions.messages'

/**
 * The words for an audit action, as the audit page shows them in its filter and rows: the platform's, else
 * the features' (`features`, from their modules). An action this version has no words for (an entry a newer
 * app wrote and synced here) reads as its name in words, never as a key.
 */
export function actionLabel(action: AuditAction | string, locale: string, features: AuditActionWords = {}): string {
  const lang = isLocale(locale) ? locale : 'en'
  const words: Record<string, string> = auditActionWords[lang]
  if (Object.hasOwn(words, action)) return words[action]!
  if (Object.hasOwn(features, action)) return features[action]![lang]
  const spelled = action.replace(/[.\-_]+/g, ' ').trim()
  return spelled.charAt(0).toUpperCase() + spelled.slice(1)
}
