import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import { useLobbyStorage } from '@/identity/device-storage'
import { PermissionError } from '@/identity/session'
import { onLock, useSessionStore } from '@/identity/session.store'
import { useOrganisationStore } from '@/features/organisation-settings/organisation.store'
import { platformAuditActions, type AuditAction, type AuditEvent } from '@/storage/audit-events'
import type { ChainFinding } from '@/storage/audit-log'
import { passesFilter } from './audit-filter'

/** The platform's audit actions, for the page's filter (the features' come with their modules). */
export { platformAuditActions }

export interface AuditRow {
  id: string
  at: string
  by: string
  who: string
  action: AuditAction | undefined
  /** The record, or the first of a bulk write's records (`more`: how many others the entry names). */
  recordId: string
  recordIds: readonly string[]
  more: number
  dev: string
  seq: number
  detail: string
}

/**
 * Who an entry is about. The clear `by` is what the server checked against whoever pushed it (and the
 * hash covers); only for an attempt held while nobody was signed in (clear `by` "anonymous") is the
 * account tried, sealed inside, shown instead.
 */
function actor(by: string, event: AuditEvent | undefined): string {
  return by === 'anonymous' && event && (event.action === 'sign-in.failed' || event.action === 'unlock.failed') ? event.by : by
}

function recordsOf(event: AuditEvent | undefined): Pick<AuditRow, 'recordId' | 'recordIds' | 'more'> {
  const ids = event?.recordIds ?? (event?.recordId ? [event.recordId] : [])
  return { recordId: ids[0] ?? '', recordIds: ids, more: Math.max(0, ids.length - 1) }
}

/** CONF-6 review: entries opened with the manager's audit key, filters, and chain verification. */
export const useAuditStore = defineStore('audit', () => {
  const storage = useLobbyStorage()
  const rows = shallowRef<AuditRow[]>([])
  const findings = shallowRef<ChainFinding[]>()
  const filter = reactive({ user: '', action: '', record: '', from: '', to: '' })
  const verifying = ref(false)
  const quarantined = shallowRef<{ database: string; docId: string; reason: string; at: string }[]>([])

  onLock(() => {
    rows.value = []
    findings.value = undefined
    quarantined.value = []
  })

  async function load() {
    const session = useSessionStore()
    if (!session.can('audit.review')) throw new PermissionError('audit.review')
    const key = session.session?.keyring.auditPrivate
    if (!key) return
    quarantined.value = await storage.quarantined()
    const names = new Map((await storage.staff.list().catch(() => [])).map((s) => [s.record.userId, s.record.username]))
    const read = await storage.audit.read(key)
    rows.value = read
      .map(({ entry, event }) => ({ entry, event, by: actor(entry.by, event) }))
      .map(({ entry, event, by }) => ({
        id: entry._id,
        at: event?.at ?? '',
        by,
        who: names.get(by) ?? by,
        action: event?.action,
        ...recordsOf(event),
        dev: entry.dev,
        seq: entry.seq,
        detail: event?.detail ?? '',
      }))
      .sort((a, b) => b.at.localeCompare(a.at))
  }

  const users = computed(() => [...new Map(rows.value.map((r) => [r.by, r.who])).entries()])
  /** Issue 8 §5: append-only records found with rival versions, by any device (newest report of each). */
  const tampered = computed(() => [...new Map(rows.value.filter((r) => r.action === 'conflict.tamper').map((r) => [r.recordId, r])).values()])
  const organisation = useOrganisationStore()
  const visible = computed(() => rows.value.filter((r) => passesFilter(r, filter, organisation.timeZone)))

  async function verify() {
    verifying.value = true
    try {
      findings.value = await storage.audit.verifyChains()
    } finally {
      verifying.value = false
    }
  }

  return { rows, visible, users, tampered, filter, findings, verifying, quarantined, load, verify }
})
