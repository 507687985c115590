import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import * as envelope from '@/crypto/envelope'
import { createTestStorage, oneRealmKeys } from './testing'

vi.mock('@/crypto/envelope', async (original) => {
  const real = await original<typeof envelope>()
  return { ...real, open: vi.fn(real.open) }
})
const opened = vi.mocked(envelope.open)

const keys = () => oneRealmKeys('directory:1')

const registeredAt = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()

describe('CONF-1 the People page lists recent people without opening the directory (issue 10)', () => {
  it('returns the newest N by registration, opening those N and no more', async () => {
    const t = createTestStorage()
    const k = await keys()
    t.setKeys(k)
    for (let i = 0; i < 60; i++) await t.storage.people.put({ name: `访客${i}`, createdAt: registeredAt(i) })
    t.setKeys({ ...k }) // a new session (after a reload and sign-in): nothing opened yet
    opened.mockClear()
    const recent = await t.storage.people.recent(20)
    expect(recent.map((p) => p.record.name)).toEqual(Array.from({ length: 20 }, (_, i) => `访客${59 - i}`))
    expect(opened.mock.calls.length).toBeLessThanOrEqual(20)
  }, 60_000)

  it('includes people that arrive by sync (written to the records table without this repository)', async () => {
    const t = createTestStorage()
    const k = await keys()
    t.setKeys(k)
    const id = await t.storage.withKeys(k).people.put({ name: '李四', createdAt: registeredAt(1) })
    const row = (await t.db.records.get(id))!
    await t.db.records.delete(id)
    await t.db.records.put({ ...row, _local: undefined, _rev: '1-a' })
    expect((await t.storage.people.recent(20)).map((p) => p.id)).toEqual([id])
  })

  it('skips people removed since', async () => {
    const t = createTestStorage()
    t.setKeys(await keys())
    const kept = await t.storage.people.put({ name: '张三', createdAt: registeredAt(1) })
    const gone = await t.storage.people.put({ name: '王五', createdAt: registeredAt(2) })
    await t.storage.people.remove(gone)
    expect((await t.storage.people.recent(20)).map((p) => p.id)).toEqual([kept])
  })
})

describe('people search: by name, phone or ID number through blind indexes (issue 10)', () => {
  it('finds a person by full name, trimmed and NFKC-normalised, opening only candidates', async () => {
    const t = createTestStorage()
    const k = await keys()
    t.setKeys(k)
    for (let i = 0; i < 50; i++) await t.storage.people.put({ name: `访客${i}`, phone: `1370000${String(i).padStart(4, '0')}`, createdAt: registeredAt(i) })
    const id = await t.storage.people.put({ name: '欧阳娜娜', phone: '13800138000', createdAt: registeredAt(99) })
    t.setKeys({ ...k })
    opened.mockClear()
    expect((await t.storage.people.search('  欧阳娜娜 ')).map((p) => p.id)).toEqual([id])
    expect(opened.mock.calls.length).toBeLessThanOrEqual(2)
    // NFKC: a fullwidth Latin name typed with an IME finds the name stored in plain letters.
    const latin = await t.storage.people.put({ name: 'Anna Li', createdAt: registeredAt(100) })
    expect((await t.storage.people.search('Ａｎｎａ　ＬＩ')).map((p) => p.id)).toEqual([latin])
  }, 60_000)

  it('still finds by phone and by ID number', async () => {
    const t = createTestStorage()
    t.setKeys(await keys())
    const id = await t.storage.people.put({ name: '欧阳娜娜', phone: '13800138000', idNumber: '11010519491231002X', createdAt: registeredAt(1) })
    expect((await t.storage.people.search('138-0013-8000')).map((p) => p.id)).toEqual([id])
    expect((await t.storage.people.search('11010519491231002x')).map((p) => p.id)).toEqual([id])
    expect(await t.storage.people.search('没有这个人')).toEqual([])
  })
})

describe('CUST-1 the customer file is kept on the person record (issue 12 §1)', () => {
  it('round-trips a business with every file field, and still opens a person stored before the file (no kind)', async () => {
    const t = createTestStorage()
    const k = await keys()
    t.setKeys(k)
    const business = {
      name: '华为技术有限公司',
      kind: 'business' as const,
      phone: '0755-2878 0808',
      address: '深圳市龙岗区坂田华为总部办公楼',
      postcode: '518129',
      fax: '0755-2878 9251',
      legalRepresentative: '赵明路',
      licenceNo: '91440300708461136T',
      businessScope: '程控交换机、传输设备、数据通信设备的开发、生产、销售',
      registeredCapital: 4_104_113_182_00,
      createdAt: registeredAt(2),
    }
    const businessId = await t.storage.people.put(business)
    const oldId = await t.storage.people.put({ name: '张三', phone: '13800138000', createdAt: registeredAt(1) })
    t.setKeys({ ...k }) // a new session: read back from the sealed rows, not a cache
    expect(await t.storage.people.get(businessId)).toEqual(business)
    expect(await t.storage.people.get(oldId)).toEqual({ name: '张三', phone: '13800138000', createdAt: registeredAt(1) })
    expect((await t.storage.people.recent(20)).map((p) => p.record.kind ?? 'individual')).toEqual(['business', 'individual'])
  })

  it('refuses to store a capital that is not whole fen, or a kind it does not know (money is integer fen, always)', async () => {
    const t = createTestStorage()
    t.setKeys(await keys())
    await expect(t.storage.people.put({ name: '某公司', kind: 'business', registeredCapital: 12.5, createdAt: registeredAt(1) })).rejects.toThrow(/registeredCapital/)
    await expect(t.storage.people.put({ name: '某公司', kind: 'company' as 'business', createdAt: registeredAt(2) })).rejects.toThrow(/kind/)
  })
})
