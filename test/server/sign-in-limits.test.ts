// @vitest-environment node
// Issue 8 §5 (guessing at the server): failed sign-ins are limited per user
// name and per client address, for `POST /_session` and for Basic auth on any
// request; successful sign-ins are not counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser, postSession } from './support'
import { basicAuth, startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

async function expectLimited(res: Response): Promise<void> {
  expect(res.status).toBe(429)
  const retryAfter = Number(res.headers.get('retry-after'))
  expect(retryAfter).toBeGreaterThan(0)
  expect(await res.json()).toMatchObject({ error: 'too_many_requests' })
}

describe('failed sign-ins with the default limits', () => {
  let lobby: RunningLobbyServer
  beforeAll(async () => {
    lobby = await startLobbyServer({ distDir: null })
    for (const name of ['victim', 'colleague', 'basicvictim']) await createUser(lobby, name, `pw-${name}`, ['frontdesk'])
  })
  afterAll(() => lobby?.stop())

  it('answers the 11th wrong _session password for a name with 429 and Retry-After, then refuses that name for a while', async () => {
    for (let i = 0; i < 10; i++) expect((await postSession(lobby.url, 'victim', `guess-${i}`)).status).toBe(401)
    await expectLimited(await postSession(lobby.url, 'victim', 'guess-10'))
    // The right password too: otherwise guessing would go on.
    await expectLimited(await postSession(lobby.url, 'victim', 'pw-victim'))
  })

  it('still signs in another name from the same address, below the address limit', async () => {
    const res = await postSession(lobby.url, 'colleague', 'pw-colleague')
    expect(res.status).toBe(200)
    for (let i = 0; i < 20; i++) expect((await postSession(lobby.url, 'colleague', 'pw-colleague')).status).toBe(200)
  })

  it('counts wrong Basic auth on any /db request the same way', async () => {
    const wrong = { authorization: basicAuth('basicvictim', 'nope') }
    for (let i = 0; i < 10; i++) expect((await fetch(`${lobby.url}/db/lobby_desk`, { headers: wrong })).status).toBe(401)
    await expectLimited(await fetch(`${lobby.url}/db/lobby_desk/_all_docs`, { headers: wrong }))
    await expectLimited(await fetch(`${lobby.url}/db/_session`, { headers: { authorization: basicAuth('basicvictim', 'pw-basicvictim') } }))
    await expectLimited(await postSession(lobby.url, 'basicvictim', 'pw-basicvictim'))
    // A right Basic sign-in for someone else goes through.
    const ok = await fetch(`${lobby.url}/db/_session`, { headers: { authorization: basicAuth('colleague', 'pw-colleague') } })
    expect((await ok.json()).userCtx.name).toBe('colleague')
  })
})

describe('failed sign-ins per address', () => {
  let lobby: RunningLobbyServer
  beforeAll(async () => {
    lobby = await startLobbyServer({ distDir: null, signInLimits: { perName: 100, perAddress: 5 } })
    await createUser(lobby, 'someone', 'pw-someone')
  })
  afterAll(() => lobby?.stop())

  it('refuses an address that failed with many names, whatever name it tries next', async () => {
    for (let i = 0; i < 5; i++) expect((await postSession(lobby.url, `name${i}`, 'x')).status).toBe(401)
    await expectLimited(await postSession(lobby.url, 'someone', 'pw-someone'))
    await expectLimited(await fetch(`${lobby.url}/db/_session`, { headers: { authorization: basicAuth('someone', 'pw-someone') } }))
  })

  it('still answers requests without credentials from that address', async () => {
    expect((await fetch(`${lobby.url}/db/_session`)).status).toBe(200)
    expect((await fetch(`${lobby.url}/db/`)).status).toBe(200)
  })
})
