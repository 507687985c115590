import { localDateOf } from '@/core/shared/local-date'
import type { AuditAction } from '@/storage/audit-events'

export interface AuditFilter {
  user: string
  action: string
  record: string
  /** Local dates (YYYY-MM-DD), as the date fields give them. */
  from: string
  to: string
}

/** Whether an audit row passes the page's filters; its day is the one it shows, in the organisation's zone. */
export function passesFilter(row: { at: string; by: string; action: AuditAction | undefined; recordIds: readonly string[] }, filter: AuditFilter, timeZone: string): boolean {
  const at = Date.parse(row.at)
  const day = Number.isFinite(at) ? localDateOf(at, timeZone) : ''
  return (
    (!filter.user || row.by === filter.user) &&
    (!filter.action || row.action === filter.action) &&
    (!filter.record || row.recordIds.some((id) => id.includes(filter.record.trim()))) &&
    (!filter.from || day >= filter.from) &&
    (!filter.to || day <= filter.to)
  )
}
