import { describe, expect, it } from 'vitest'
import { startLobbyServer } from '../support/lobby-server'

// The one way tests start the embedded server (issue 9 §7): what every test relies on it for.
describe('startLobbyServer (test/support)', () => {
  it('serves /db/ on a free loopback port, with admin credentials that the server accepts', async () => {
    const [one, two] = await Promise.all([startLobbyServer(), startLobbyServer()])
    try {
      expect(one!.port).not.toBe(two!.port)
      expect(one!.url).toBe(`http://127.0.0.1:${one!.port}`)
      expect(one!.dbUrl).toBe(`${one!.url}/db/`)
      const session = await fetch(`${one!.dbUrl}_session`, { headers: { authorization: one!.adminAuthorization } })
      expect((await session.json()).userCtx).toMatchObject({ name: one!.adminUser, roles: expect.arrayContaining(['_admin']) })
      expect((await one!.admin.request('GET', '_all_dbs')).body).toContain('lobby_desk')
    } finally {
      await Promise.all([one!.stop(), two!.stop()])
    }
  })

  it('stop() ends requests still open (a _changes feed, as every synced device keeps), so it never waits on a client', async () => {
    const lobby = await startLobbyServer()
    // The answer's headers are out, so the server holds the request: it answers its body at the next change.
    const response = await fetch(`${lobby.dbUrl}lobby_desk/_changes?feed=longpoll&since=now&timeout=600000`, { headers: { authorization: lobby.adminAuthorization } })
    const feed = response.text().then(() => 'answered', () => 'cut off')
    await lobby.stop()
    expect(await feed).toBe('cut off')
    await expect(fetch(`${lobby.url}/healthz`)).rejects.toThrow()
  })
})
