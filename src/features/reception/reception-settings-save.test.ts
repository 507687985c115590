import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { defaultCategoryIds, defaultReceptionSettings } from '@/core/reception/defaults'
import type { AuditAction } from '@/storage/audit-events'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { createReceptionRecords, type ReceptionRecords } from './reception-records'
import { toDraft } from './reception-settings-draft'
import { saveReceptionSettings, type SettingsSaveContext } from './reception-settings-save'

let records: ReceptionRecords
let audited: { action: AuditAction; by: string; recordId?: string; recordType?: string; detail?: string }[]
let ctx: SettingsSaveContext

beforeEach(async () => {
  const t = createTestStorage()
  t.setKeys(await oneRealmKeys('desk:1'))
  records = createReceptionRecords(t.storage.recordContext)
  audited = []
  ctx = { records, audit: { append: async (e) => void audited.push(e) }, userId: 'manager-1' }
  await records.settings.save(defaultReceptionSettings())
})

const supplier = defaultReceptionSettings().categories.findIndex((c) => c.id === defaultCategoryIds.supplier)

describe('saving the reception settings (REC-2, REC-3, REC-7)', () => {
  it('REC-2, REC-3: a manager’s change is stored whole and audited with the parts it changed', async () => {
    const base = defaultReceptionSettings()
    const draft = toDraft(base)
    draft.categories[supplier]!.hospitality = 'coffee-drinks-tea'
    draft.ackMinutes = '3'
    const result = await saveReceptionSettings(ctx, base, draft)
    expect(result.outcome).toBe('saved')
    const stored = await records.settings.get()
    expect(stored?.ackMinutes).toBe(3)
    expect(stored?.categories[supplier]?.hospitality).toBe('coffee-drinks-tea')
    expect(audited).toEqual([{ action: 'reception.settings-change', by: 'manager-1', recordId: records.settings.id, recordType: 'reception-settings', detail: 'categories,ackMinutes' }])
  })

  it('REC-7: a draft with any problem stores nothing, not even its good parts, and audits nothing', async () => {
    const base = defaultReceptionSettings()
    const draft = toDraft(base)
    draft.ackMinutes = '9'
    draft.ladders['no-badge'][0]!.fine = 'fifty'
    const result = await saveReceptionSettings(ctx, base, draft)
    expect(result).toEqual({ outcome: 'problems', problems: [{ path: 'ladders.no-badge.0.fine', problem: 'fine-invalid' }] })
    expect(await records.settings.get()).toEqual(defaultReceptionSettings())
    expect(audited).toEqual([])
  })

  it('REC-2: settings another manager saved since the form opened are not overwritten unless asked', async () => {
    const base = defaultReceptionSettings()
    await records.settings.save({ ...base, ackMinutes: 8 })
    const draft = toDraft(base)
    draft.ackMinutes = '4'
    expect(await saveReceptionSettings(ctx, base, draft)).toEqual({ outcome: 'conflict' })
    expect((await records.settings.get())?.ackMinutes).toBe(8)
    expect((await saveReceptionSettings(ctx, base, draft, { overwrite: true })).outcome).toBe('saved')
    expect((await records.settings.get())?.ackMinutes).toBe(4)
  })

  it('REC-2: an unchanged draft writes and audits nothing', async () => {
    const base = defaultReceptionSettings()
    expect(await saveReceptionSettings(ctx, base, toDraft(base))).toEqual({ outcome: 'unchanged' })
    expect(audited).toEqual([])
  })
})
