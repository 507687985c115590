import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createTestStorage } from '@/storage/testing'
import { createOrganisation } from './organisation'

const cost = { memoryKiB: 19456, iterations: 2, parallelism: 1 }
const founder = { name: '王芳', username: 'wangadmin', passphrase: 'front desk keeps the keys 2026', agreementAccepted: true }

describe('issue 10: founding names the organisation and sets its time zone', { timeout: 30_000 }, () => {
  it('keeps the name in both languages and the chosen zone in the organisation settings', async () => {
    const t = createTestStorage()
    const input = { ...founder, organisationName: { 'zh-CN': ' 星河会所 ', en: 'Galaxy Club' }, timeZone: 'Pacific/Auckland' }
    const org = await createOrganisation(t.storage, input, cost)
    expect(org.ok).toBe(true)
    const read = await t.storage.orgSettings.read()
    expect(read.saved).toBe(true)
    expect(read.settings.name).toEqual({ 'zh-CN': '星河会所', en: 'Galaxy Club' })
    expect(read.settings.timeZone).toBe('Pacific/Auckland')
  })

  it('refuses to found an organisation without a name in either language', async () => {
    const t = createTestStorage()
    const input = { ...founder, organisationName: { 'zh-CN': ' ', en: '' }, timeZone: 'Asia/Shanghai' }
    expect(await createOrganisation(t.storage, input, cost)).toEqual({ ok: false, problem: 'org-name-required' })
    expect(await t.storage.signIns.getOrg()).toBeUndefined()
  })
})
