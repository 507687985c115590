import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import { PermissionError } from '@/features/auth/session'
import { onLock, useSessionStore } from '@/features/auth/session.store'
import type { AuditAction } from '@/storage/audit-events'
import type { ChainFinding } from '@/storage/audit-log'
import { storage } from '@/storage/session-keys'

export interface AuditRow {
  id: string
  at: string
  by: string
  who: string
  action: AuditAction | undefined
  recordId: string
  dev: string
  seq: number
  detail: string
}

/** CONF-6 review: entries opened with the manager's audit key, filters, and chain verification. */
export const useAuditStore = defineStore('audit', () => {
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
      .map(({ entry, event }) => ({
        id: entry._id,
        at: event?.at ?? '',
        by: entry.by,
        who: names.get(entry.by) ?? entry.by,
        action: event?.action,
        recordId: event?.recordId ?? '',
        dev: entry.dev,
        seq: entry.seq,
        detail: event?.detail ?? '',
      }))
      .sort((a, b) => b.at.localeCompare(a.at))
  }

  const users = computed(() => [...new Map(rows.value.map((r) => [r.by, r.who])).entries()])
  /** Issue 8 §5: append-only records found with rival versions, by any device (newest report of each). */
  const tampered = computed(() => [...new Map(rows.value.filter((r) => r.action === 'conflict.tamper').map((r) => [r.recordId, r])).values()])
  const visible = computed(() =>
    rows.value.filter(
      (r) =>
        (!filter.user || r.by === filter.user) &&
        (!filter.action || r.action === filter.action) &&
        (!filter.record || r.recordId.includes(filter.record.trim())) &&
        (!filter.from || r.at.slice(0, 10) >= filter.from) &&
        (!filter.to || r.at.slice(0, 10) <= filter.to),
    ),
  )

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
