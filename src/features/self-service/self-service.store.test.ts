import { describe, expect, it, vi } from 'vitest'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import * as v from 'valibot'
import { selfBroadbandAccountSchema, selfBroadbandMonthSchema, selfMembershipSchema, selfProfileSchema, selfVisitsSchema } from '@/core/self-service/schemas'
import { useSelfServiceStore } from './self-service.store'
import { selfViewsKey } from './self-views'
import { buildSelfViews, fixtureIds, fixtureToday, signedSelfViews, type SelfViewsData } from './self-views.fixture'
import { memorySelfViews } from './self-views.testing'


const { accountId, memberId } = fixtureIds
// Noon of the fixture's day in Shanghai: the organisation's today is the fixture's.
const fixtureNoon = Date.parse(`${fixtureToday}T12:00:00+08:00`)

/** The store over in-memory views, in an app of its own (as app/main.ts provides the real views). */
function storeOver(data: SelfViewsData, now = fixtureNoon) {
  const fake = memorySelfViews(data)
  const app = createApp({})
  const pinia = createPinia()
  app.use(pinia)
  app.provide(selfViewsKey, fake.views)
  const store = app.runWithContext(() => useSelfServiceStore())
  store.clock.now = () => now
  store.timeZone = 'Asia/Shanghai'
  return { store, fake }
}

/** The same text with one character of its signature changed (still well formed: a tampered card, not junk). */
function tampered(text: string): string {
  const i = text.length - 10
  return text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1)
}

describe('self-service fixture', () => {
  it('is what the schemas accept, so the demo and E2E can write it as views', () => {
    const d = buildSelfViews()
    expect(v.safeParse(selfProfileSchema, d.profile).success).toBe(true)
    for (const m of d.memberships) expect(v.safeParse(selfMembershipSchema, m).issues).toBeUndefined()
    for (const y of d.visits) expect(v.safeParse(selfVisitsSchema, y).issues).toBeUndefined()
    for (const a of d.accounts) expect(v.safeParse(selfBroadbandAccountSchema, a).issues).toBeUndefined()
    for (const m of d.months) expect(v.safeParse(selfBroadbandMonthSchema, m).issues).toBeUndefined()
    expect(d.months.map((m) => m.month)).toEqual(['2026-02', '2026-01', '2025-12'])
  })

  it('keeps each statement consistent: opening + debits − credits is the closing and the last line’s balance', () => {
    for (const m of buildSelfViews().months) {
      expect(m.closing).toBe(m.opening + m.debits - m.credits)
      expect(m.lines.at(-1)?.balance).toBe(m.closing)
    }
  })
})

describe('self-service store: reading the views', () => {
  it('is loading while the views are read, then holds them, years newest first and visits newest first', async () => {
    const { store } = storeOver(buildSelfViews())
    expect(store.state).toBe('idle')
    const opening = store.open()
    expect(store.state).toBe('loading')
    await opening
    expect(store.state).toBe('ready')
    expect(store.profile?.name).toBe('王芳')
    expect(store.visits.map((y) => y.year)).toEqual(['2026', '2025'])
    const at = store.visits[0]!.visits.map((x) => x.at)
    expect(at).toEqual([...at].sort((a, b) => b - a))
    expect(store.due).toEqual([{ accountId, accountNo: 'KD-0001', balance: 10_570, latest: { month: '2026-02', closing: 10_570, due: '2026-02-28' } }])
  })

  it('says the views could not be read, and reads them again on the next open', async () => {
    const { store, fake } = storeOver(buildSelfViews())
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    fake.failing = true
    await store.open()
    expect(warn).toHaveBeenCalledOnce()
    warn.mockRestore()
    expect(store.state).toBe('failed')
    fake.failing = false
    await store.open()
    expect(store.state).toBe('ready')
  })

  it('reads again when sync brings new views, the open statement too', async () => {
    const { store, fake } = storeOver(buildSelfViews())
    await store.openStatement(accountId, '2026-02')
    expect(store.statement?.closing).toBe(10_570)
    fake.data.profile.name = '王芳芳'
    fake.data.months[0]!.closing = 0
    fake.changed()
    await settle()
    expect(store.profile?.name).toBe('王芳芳')
    expect(store.statement?.closing).toBe(0)
  })

  it('forgets everything on sign-out (CONF-7), reads nothing on a change while signed out, and reads again at the next open', async () => {
    const { store, fake } = storeOver(await signedSelfViews())
    await store.openStatement(accountId, '2026-02')
    expect(await store.dispute({ accountId, entryId: 'bb-ledger:feb-charge', reason: 'Down' })).toEqual({ ok: true })
    store.reset()
    expect([store.state, store.profile, store.memberships, store.cards, store.accounts, store.statement]).toEqual(['idle', undefined, [], {}, [], undefined])
    fake.failing = true
    fake.changed()
    await settle()
    expect(store.state).toBe('idle')
    fake.failing = false
    await store.openStatement(accountId, '2026-02')
    expect(store.cards[memberId]?.ok).toBe(true)
    expect(store.disputeOf(accountId, store.statement!.lines[0]!)).toEqual({ state: 'open' })
  })

  it('does not read on a change before the first open, and stops listening when disposed', async () => {
    const { store, fake } = storeOver(buildSelfViews())
    fake.changed()
    await settle()
    expect(store.state).toBe('idle')
    expect(fake.listenerCount()).toBe(1)
    store.$dispose()
    expect(fake.listenerCount()).toBe(0)
  })
})

describe('MEM-8 the member’s own card', () => {
  it('draws a card whose signature holds for this organisation and member', async () => {
    const data = await signedSelfViews()
    const { store } = storeOver(data)
    await store.open()
    expect(store.cards[memberId]).toEqual({ ok: true, text: data.memberships[0]!.card!.text })
  })

  it('refuses a card altered in the member’s own storage (one character): no text to draw', async () => {
    const data = await signedSelfViews()
    data.memberships[0]!.card!.text = tampered(data.memberships[0]!.card!.text)
    const { store } = storeOver(data)
    await store.open()
    expect(store.cards[memberId]).toEqual({ ok: false, reason: 'forged' })
  })

  it('refuses a card signed for another organisation, and one for another member', async () => {
    const other = await signedSelfViews({ orgId: 'org:other' })
    const { store } = storeOver({ ...other, orgId: fixtureIds.orgId })
    await store.open()
    expect(store.cards[memberId]).toEqual({ ok: false, reason: 'forged' })

    const someoneElse = await signedSelfViews()
    someoneElse.memberships[0]!.memberId = 'member:someone-else'
    const second = storeOver(someoneElse).store
    await second.open()
    expect(second.cards['member:someone-else']).toEqual({ ok: false, reason: 'other-card' })
  })

  it('says why when there is no card, no key of its epoch, or a stored key that is not a key', async () => {
    const { store } = storeOver(buildSelfViews())
    await store.open()
    expect(store.cards[memberId]).toEqual({ ok: false, reason: 'no-card' })

    const unknown = await signedSelfViews({ epoch: 2 })
    unknown.memberships[0]!.cardPublicJwks = { '1': unknown.memberships[0]!.cardPublicJwks['2']! }
    const second = storeOver(unknown).store
    await second.open()
    expect(second.cards[memberId]).toEqual({ ok: false, reason: 'unknown-key' })

    const broken = await signedSelfViews()
    broken.memberships[0]!.cardPublicJwks = { '1': { kty: 'EC', crv: 'P-256', x: 'nope', y: 'nope' } }
    const third = storeOver(broken).store
    await third.open()
    expect(third.cards[memberId]).toEqual({ ok: false, reason: 'cannot-check' })
  })
})

describe('BB-7 disputing a charge from the phone', () => {
  it('offers a dispute only on an open line, and says why not on the others', async () => {
    const { store } = storeOver(buildSelfViews())
    await store.openStatement(accountId, '2026-02')
    const [charge, payment, lateFee] = store.statement!.lines
    expect(store.disputeOf(accountId, charge!)).toEqual({ state: 'open' })
    expect(store.disputeOf(accountId, payment!)).toEqual({ state: 'closed', reason: 'not-a-charge' })
    expect(store.disputeOf(accountId, lateFee!)).toEqual({ state: 'open' })

    await store.openStatement(accountId, '2025-12')
    expect(store.disputeOf(accountId, store.statement!.lines[0]!)).toEqual({ state: 'closed', reason: 'disputed', status: 'rejected' })
  })

  it('closes a charge more than 6 months old (the button is gone, the reason shown)', async () => {
    const { store } = storeOver(buildSelfViews({ today: '2026-07-10' }))
    await store.openStatement(accountId, '2026-01')
    expect(store.disputeOf(accountId, store.statement!.lines[0]!)).toMatchObject({ state: 'closed', reason: 'window-closed' })
    expect(await store.dispute({ accountId, entryId: 'bb-ledger:jan-charge', reason: 'Not mine' })).toEqual({ ok: false, problem: 'not-open' })
  })

  it('asks a reason, sends the dispute once, and shows it sent until a staff device folds it', async () => {
    const { store, fake } = storeOver(buildSelfViews())
    await store.openStatement(accountId, '2026-02')
    expect(await store.dispute({ accountId, entryId: 'bb-ledger:feb-charge', reason: '   ' })).toEqual({ ok: false, problem: 'reason-required' })
    expect(fake.sent).toEqual([])

    expect(await store.dispute({ accountId, entryId: 'bb-ledger:feb-charge', reason: '  The line was down all month ' })).toEqual({ ok: true })
    expect(fake.sent).toEqual([{ kind: 'dispute', accountId, id: 'bb-ledger:feb-charge', reason: 'The line was down all month' }])
    const charge = store.statement!.lines[0]!
    expect(store.disputeOf(accountId, charge)).toEqual({ state: 'sent' })
    expect(await store.dispute({ accountId, entryId: charge.id, reason: 'Again' })).toEqual({ ok: false, problem: 'not-open' })
    expect(fake.sent).toHaveLength(1)

    // A staff device folded it: the view now names the dispute.
    fake.data.accounts[0]!.disputes.push({ id: 'bb-dispute:feb', entryId: charge.id, raisedOn: fixtureToday, status: 'open' })
    fake.changed()
    await settle()
    expect(store.disputeOf(accountId, charge)).toEqual({ state: 'closed', reason: 'disputed', status: 'open' })
  })

  it('refuses a line that is not on the open statement', async () => {
    const { store } = storeOver(buildSelfViews())
    await store.openStatement(accountId, '2026-02')
    expect(await store.dispute({ accountId, entryId: 'bb-ledger:dec-charge', reason: 'x' })).toEqual({ ok: false, problem: 'unknown-line' })
  })
})

describe('BB-13 objecting to a change of terms', () => {
  const notice = (store: ReturnType<typeof storeOver>['store'], id: string) => store.accounts[0]!.notices.find((n) => n.id === id)!

  it('takes an objection with a reason before the effective day, then says objected', async () => {
    const { store, fake } = storeOver(buildSelfViews())
    await store.open()
    const terms = notice(store, 'bb-notice:terms-1')
    expect(store.standingOf(accountId, terms)).toEqual({ state: 'open', effectiveOn: '2026-04-01' })
    expect(await store.object({ accountId, noticeId: terms.id, reason: '' })).toEqual({ ok: false, problem: 'reason-required' })
    expect(await store.object({ accountId, noticeId: terms.id, reason: 'Too dear' })).toEqual({ ok: true })
    expect(fake.sent).toEqual([{ kind: 'objection', accountId, id: terms.id, reason: 'Too dear' }])
    expect(store.standingOf(accountId, terms)).toEqual({ state: 'objected' })
    expect(await store.object({ accountId, noticeId: terms.id, reason: 'Again' })).toEqual({ ok: false, problem: 'not-open' })
  })

  it('takes none from the effective day on (organisation’s today), and none on a maintenance notice', async () => {
    const onTheDay = Date.parse('2026-04-01T00:30:00+08:00')
    const { store, fake } = storeOver(buildSelfViews(), onTheDay)
    await store.open()
    const terms = notice(store, 'bb-notice:terms-1')
    expect(store.standingOf(accountId, terms)).toEqual({ state: 'closed', effectiveOn: '2026-04-01' })
    expect(await store.object({ accountId, noticeId: terms.id, reason: 'Too dear' })).toEqual({ ok: false, problem: 'not-open' })
    expect(store.standingOf(accountId, notice(store, 'bb-notice:maintenance-1'))).toEqual({ state: 'information' })
    expect(fake.sent).toEqual([])
  })

  it('says objected when the staff fold already recorded it', async () => {
    const data = buildSelfViews()
    data.accounts[0]!.notices[1]!.objected = true
    const { store } = storeOver(data)
    await store.open()
    expect(store.standingOf(accountId, notice(store, 'bb-notice:terms-1'))).toEqual({ state: 'objected' })
  })
})

/** Lets the reads a change started finish (in-memory views: a few microtask turns). */
async function settle() {
  for (let i = 0; i < 20; i++) await Promise.resolve()
  await new Promise((r) => setTimeout(r, 0))
}
