import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { instantOf } from '@/core/shared/local-date'
import type { ServiceRecords } from '@/features/service/service-records'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { feedbackSince } from './feedback'
import { openMarkerId } from '@/features/service/service-ids'
import { requestWithState } from './open-work'
import { closeUnreachable, logCall, returnVisitRows, revealContact, type FollowupContext } from './return-visit-actions'
import { saveServiceSettings, serviceSettingsOf } from './service-settings'
import { customer, dispatch, finish, hour, serviceStorage, takeRequest } from './test-service'

const zone = 'Asia/Shanghai'
const received = instantOf('2027-03-12', '09:00', zone) // a Friday
const finished = received + 5 * hour

let records: ServiceRecords
let storage: LobbyStorage
let audited: { action: string; recordId?: string; detail?: string }[]
let requestId: string

const ctx = (now: number, userId = 'agent-1'): FollowupContext => ({
  records, people: storage.people, userId, now, audit: { append: async (e) => void audited.push(e) },
})

beforeEach(async () => {
  const t = await serviceStorage()
  records = t.records
  storage = t.storage
  audited = []
  requestId = await takeRequest(records, await customer(storage), received)
  await dispatch(records, requestId, received + hour)
  await finish(records, requestId, finished)
})

const noAnswer = (n: number) => logCall(ctx(finished + n * hour), { requestId, outcome: 'no-answer' })
const markerOf = (id: string) => records.open.get(openMarkerId(id))

describe('SVC-4 the return-visit list', () => {
  it('SVC-4: a finished job is listed with its 72-hour deadline, the customer masked; a request still in the field is not', async () => {
    const other = await takeRequest(records, await customer(storage, '司马光', '13900000001'), received)
    await dispatch(records, other, received + hour)
    const rows = await returnVisitRows(ctx(finished + hour))
    expect(rows.map((r) => [r.requestId, r.deadline, r.name, r.phone, r.failed, r.mayCloseUnreachable])).toEqual([
      [requestId, finished + 72 * hour, '欧阳**', '138****8000', 0, false],
    ])
  })

  it('CONF-4, CONF-6: the full name and number are shown on asking, and each showing is audited', async () => {
    expect(await revealContact(ctx(finished + hour), requestId)).toEqual({ name: '欧阳修', phone: '13800138000' })
    expect(audited).toEqual([{ action: 'return-visits.contact-shown', by: 'agent-1', recordId: requestId, recordType: 'svc-request' }])
  })
})

describe('SVC-4 logging calls', () => {
  it('SVC-4: a call nobody answered is logged and counted, audited with its outcome; the visit stays open', async () => {
    expect(await noAnswer(1)).toEqual({ ok: true, reopened: false })
    const [row] = await returnVisitRows(ctx(finished + 2 * hour))
    expect(row?.calls.map((c) => [c.outcome, c.at, c.by])).toEqual([['no-answer', finished + hour, 'agent-1']])
    expect(row?.failed).toBe(1)
    expect(audited.map((a) => [a.action, a.detail])).toEqual([['return-visits.call', 'no-answer']])
    expect(await markerOf(requestId)).toEqual({ requestId })
  })

  it('SVC-4: a call logged before the job finished is refused, saying so; nothing is written', async () => {
    expect(await logCall(ctx(finished - 1), { requestId, outcome: 'no-answer' })).toEqual({ ok: false, problems: [{ field: 'at', code: 'before-completion' }] })
    const waiting = await takeRequest(records, await customer(storage, '司马光', '13900000001'), received)
    expect(await logCall(ctx(finished + hour), { requestId: waiting, outcome: 'no-answer' })).toEqual({ ok: false, problems: [{ field: 'request', code: 'not-completed' }] })
    expect(await records.contacts.byParent(requestId)).toEqual([])
    expect(audited).toEqual([])
  })

  it('SVC-4: reached and solved closes the visit as visited and deletes the open-work marker', async () => {
    expect(await logCall(ctx(finished + hour), { requestId, outcome: 'reached', satisfaction: 5, resolved: true, note: 'Cold again' })).toEqual({ ok: true, closed: 'visited', reopened: false })
    expect((await requestWithState(records, requestId))?.state.status).toBe('closed')
    expect(await markerOf(requestId)).toBeUndefined()
    expect(await returnVisitRows(ctx(finished + 2 * hour))).toEqual([])
    expect(audited.map((a) => [a.action, a.detail])).toEqual([['return-visits.call', 'reached'], ['return-visits.close', 'visited']])
  })

  it('SVC-4: reached and not solved closes, reopens back to dispatch and is listed as written feedback for the head', async () => {
    const at = finished + 3 * hour
    expect(await logCall(ctx(at), { requestId, outcome: 'reached', satisfaction: 2, resolved: false })).toEqual({ ok: false, problems: [{ field: 'note', code: 'feedback-required' }] })
    expect(await logCall(ctx(at), { requestId, outcome: 'reached', satisfaction: 2, resolved: false, note: ' Still warm at the back ' })).toEqual({ ok: true, closed: 'visited', reopened: true })
    const { state } = (await requestWithState(records, requestId))!
    expect([state.status, state.round, state.reopenReason]).toEqual(['reopened', 2, 'Still warm at the back'])
    expect(state.rounds[0]?.close?.record.outcome).toBe('visited')
    // Back in the dispatch queue: its open-work marker stays.
    expect(await markerOf(requestId)).toEqual({ requestId })
    expect(await returnVisitRows(ctx(at + hour))).toEqual([])
    expect(await feedbackSince(ctx(at + hour), zone)).toEqual([
      { id: expect.stringMatching(/^svc-reopen:/), requestId, at, by: 'agent-1', reason: 'Still warm at the back', product: 'Fridge', model: 'BCD-470', name: '欧阳**', complaint: false, status: 'reopened' },
    ])
    expect(audited.map((a) => a.action)).toEqual(['return-visits.call', 'return-visits.close', 'return-visits.reopen'])
  })

  it('SVC-4: a reopen makes the marker again when the request had none (another device closed it meanwhile)', async () => {
    await records.open.remove(openMarkerId(requestId))
    await logCall(ctx(finished + hour), { requestId, outcome: 'reached', satisfaction: 1, resolved: false, note: 'Noisy' })
    expect(await markerOf(requestId)).toEqual({ requestId })
  })

  it('SVC-4: feedback older than the month is not listed', async () => {
    await logCall(ctx(finished + hour), { requestId, outcome: 'reached', satisfaction: 1, resolved: false, note: 'Noisy' })
    expect(await feedbackSince(ctx(finished + 29 * 24 * hour), zone)).toHaveLength(1)
    expect(await feedbackSince(ctx(finished + 31 * 24 * hour), zone)).toEqual([])
  })
})

describe('SVC-4 closing as unreachable', () => {
  it('SVC-4: after the set attempts (3 by default), not before; the marker goes and the visit leaves the list', async () => {
    await noAnswer(1)
    await noAnswer(2)
    expect(await closeUnreachable(ctx(finished + 3 * hour), requestId)).toEqual({ ok: false, problems: ['attempts-remaining'] })
    await noAnswer(3)
    expect((await returnVisitRows(ctx(finished + 4 * hour)))[0]?.mayCloseUnreachable).toBe(true)
    expect(await closeUnreachable(ctx(finished + 4 * hour), requestId)).toEqual({ ok: true })
    const { state } = (await requestWithState(records, requestId))!
    expect([state.status, state.rounds[0]?.close?.record.outcome]).toEqual(['closed', 'unreachable'])
    expect(await markerOf(requestId)).toBeUndefined()
    expect(await returnVisitRows(ctx(finished + 5 * hour))).toEqual([])
    expect(audited.at(-1)).toMatchObject({ action: 'return-visits.close', detail: 'unreachable', recordId: requestId })
  })

  it('SVC-4: with the setting at 5, four unanswered calls are not enough and five are', async () => {
    expect(await saveServiceSettings(ctx(finished, 'manager-1'), { unreachableAttempts: 5 })).toEqual({ ok: true })
    for (const n of [1, 2, 3, 4]) await noAnswer(n)
    expect(await closeUnreachable(ctx(finished + 5 * hour), requestId)).toEqual({ ok: false, problems: ['attempts-remaining'] })
    await noAnswer(5)
    expect(await closeUnreachable(ctx(finished + 6 * hour), requestId)).toEqual({ ok: true })
  })

  it('SVC-4: wrong contact details allow it at once', async () => {
    await logCall(ctx(finished + hour), { requestId, outcome: 'wrong-contact', note: 'Number no longer in use' })
    expect((await returnVisitRows(ctx(finished + hour)))[0]?.mayCloseUnreachable).toBe(true)
    expect(await closeUnreachable(ctx(finished + hour), requestId)).toEqual({ ok: true })
  })
})

describe('SVC-4 the service settings', () => {
  it('SVC-4: the attempts are 3 until a manager sets them; 3 … 5 are taken and audited, 2 and 6 refused', async () => {
    expect(await serviceSettingsOf(records)).toEqual({ unreachableAttempts: 3 })
    for (const n of [2, 6, 3.5]) expect(await saveServiceSettings(ctx(finished, 'manager-1'), { unreachableAttempts: n })).toEqual({ ok: false, problems: [{ field: 'unreachableAttempts', code: 'out-of-range' }] })
    expect(await saveServiceSettings(ctx(finished, 'manager-1'), { unreachableAttempts: 4 })).toEqual({ ok: true })
    expect(await serviceSettingsOf(records)).toEqual({ unreachableAttempts: 4 })
    expect(audited).toEqual([{ action: 'return-visits.settings-change', by: 'manager-1', recordId: 'svc-settings:org', recordType: 'svc-settings', detail: '4' }])
  })
})
