// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { watchRemote } from '../../src/sync/remote-watch'
import { eachTestSyncServer } from './sync-server'

const server = eachTestSyncServer()
const stops: AbortController[] = []
afterEach(() => stops.splice(0).forEach((c) => c.abort()))

function watch(options: { pollMs?: number; retryMs?: number; fetch?: typeof fetch; also?: () => Promise<string[]>; sharedPollMs?: number } = {}) {
  const changes = vi.fn()
  const stop = new AbortController()
  stops.push(stop)
  const asAdmin: typeof fetch = (url, init) => fetch(url, { ...init, headers: { Authorization: server.adminAuthorization } })
  const done = watchRemote({ url: `${server.dbUrl}lobby_desk`, fetch: options.fetch ?? asAdmin, onChange: changes, signal: stop.signal, ...options })
  return { changes, stop, done }
}

const put = (id: string, database = 'lobby_desk', realm = 'desk') =>
  fetch(`${server.dbUrl}${database}/${id}`, {
    method: 'PUT',
    headers: { Authorization: server.adminAuthorization, 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: id.slice(0, id.indexOf(':')), realm, kid: `${realm}:1`, v: 1, by: 'admin', ct: 'AAAA' }),
  })

describe('the long-poll feed between rounds (another tablet\'s check-in shows in seconds)', () => {
  it('reports a change made on the server after it started, and nothing before one happens', async () => {
    const { changes } = watch()
    // Deliberate wait: proving the feed reports nothing before a change takes some time passing; kept short.
    await new Promise((r) => setTimeout(r, 300))
    expect(changes).not.toHaveBeenCalled()
    expect((await put('checkin:a')).status).toBe(201)
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(1), { timeout: 5_000 })
    expect((await put('checkin:b')).status).toBe(201)
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(2), { timeout: 5_000 })
  })

  it('ends each quiet poll itself and asks again (the embedded server ignores `timeout`)', async () => {
    const polls: string[] = []
    const counting: typeof fetch = (url, init) => (polls.push(String(url)), fetch(url, { ...init, headers: { Authorization: server.adminAuthorization } }))
    const { changes } = watch({ pollMs: 200, fetch: counting })
    // The first poll ended at its own limit (pollMs + 5 s) once a second one is asked for.
    await vi.waitFor(() => expect(polls.filter((u) => u.includes('/_changes?'))).toHaveLength(2), { timeout: 10_000, interval: 100 })
    expect(changes).not.toHaveBeenCalled()
    expect((await put('checkin:c')).status).toBe(201)
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(1), { timeout: 10_000 })
  }, 20_000)

  it('waits and tries again after a refusal, and stops when asked', async () => {
    let calls = 0
    const refusing: typeof fetch = async () => (calls++, new Response('{"error":"unauthorized"}', { status: 401 }))
    const { changes, stop, done } = watch({ fetch: refusing, retryMs: 100 })
    await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(3), { timeout: 5_000 })
    stop.abort()
    await done
    expect(changes).not.toHaveBeenCalled()
  })

  it('issue 15: takes turns with the other databases it is given (a lead\'s technicians\'), seeing a change in each within its shared time', async () => {
    const polled: string[] = []
    const counting: typeof fetch = (url, init) => (polled.push(String(url)), fetch(url, { ...init, headers: { Authorization: server.adminAuthorization } }))
    const others = [`${server.dbUrl}lobby_field`, `${server.dbUrl}lobby_accounts`]
    const { changes } = watch({ fetch: counting, sharedPollMs: 1_200, also: async () => others })
    // The first look at each other database is followed by one round (a change may have come since the last).
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(2), { timeout: 5_000 })
    await vi.waitFor(() => expect(new Set(polled.filter((u) => u.includes('/_changes?')).map((u) => u.slice(0, u.indexOf('/_changes'))))).toEqual(new Set([`${server.dbUrl}lobby_desk`, ...others])), { timeout: 5_000 })
    // Each poll lasts its share: 1.2 s over the two others.
    expect(polled.find((u) => u.includes('lobby_field/_changes'))).toContain('timeout=600')
    expect((await put('svc-request:a', 'lobby_field', 'field')).status).toBe(201)
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(3), { timeout: 3_000, interval: 50 })
    expect((await put('bb-agreement:a', 'lobby_accounts', 'accounts')).status).toBe(201)
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(4), { timeout: 3_000, interval: 50 })
    expect((await put('checkin:d')).status).toBe(201)
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(5), { timeout: 3_000, interval: 50 })
  }, 20_000)

  it('an other database that cannot be read rests while the device\'s own is still watched', async () => {
    const polled: string[] = []
    const counting: typeof fetch = (url, init) => (polled.push(String(url)), fetch(url, { ...init, headers: { Authorization: server.adminAuthorization } }))
    const { changes } = watch({ fetch: counting, sharedPollMs: 300, retryMs: 60_000, also: async () => [`${server.dbUrl}lobby_tech_nowhere`] })
    await vi.waitFor(() => expect(polled.filter((u) => u.includes('lobby_desk/_changes')).length).toBeGreaterThanOrEqual(1), { timeout: 5_000 })
    expect((await put('checkin:e')).status).toBe(201)
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(1), { timeout: 5_000, interval: 50 })
    // Asked once, then left alone for its rest: the feed did not pause for it.
    expect(polled.filter((u) => u.includes('lobby_tech_nowhere'))).toHaveLength(1)
  }, 20_000)
})
