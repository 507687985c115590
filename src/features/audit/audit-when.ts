import { formatDateTime } from '@/core/shared/instant-format'

/** When an audit entry was written, as the audit page shows it: in the organisation's zone, like every other list. */
export function auditWhen(iso: string, timeZone: string, locale: string): string {
  return formatDateTime(iso, timeZone, locale)
}
