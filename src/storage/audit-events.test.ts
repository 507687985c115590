import { describe, expect, it } from 'vitest'
import { auditedChanges, bulkAuditIds } from './audit-events'

const change = (action: 'create' | 'change' | 'delete', type: string, id: string) => ({ action, type, id })

describe('CONF-6: every record a write changes is named in the audit log', () => {
  it('a single write is one entry naming its record', () => {
    expect(auditedChanges([change('create', 'visit', 'visit:1')], 'u1')).toEqual([{ action: 'record.create', by: 'u1', recordId: 'visit:1', recordType: 'visit' }])
  })

  it('a bulk write names each of its records, grouped by action and type, at most bulkAuditIds to an entry', () => {
    const charges = Array.from({ length: bulkAuditIds * 2 + 3 }, (_, i) => change('create', 'bb-ledger', `bb-ledger:${i}`))
    const events = auditedChanges([...charges, change('change', 'bb-agreement', 'bb-agreement:1'), change('create', 'bb-status', 'bb-status:1')], 'u1')
    expect(events.map((e) => [e.action, e.recordType, e.recordIds?.length])).toEqual([
      ['record.create', 'bb-ledger', bulkAuditIds],
      ['record.create', 'bb-ledger', bulkAuditIds],
      ['record.create', 'bb-ledger', 3],
      ['record.change', 'bb-agreement', 1],
      ['record.create', 'bb-status', 1],
    ])
    expect(events.flatMap((e) => e.recordIds ?? [])).toEqual([...charges.map((c) => c.id), 'bb-agreement:1', 'bb-status:1'])
  })

  it('an empty write audits nothing', () => {
    expect(auditedChanges([], 'u1')).toEqual([])
  })
})
