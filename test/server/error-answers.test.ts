// @vitest-environment node
// Errors are answered as CouchDB-style JSON, never express's HTML page with
// the stack trace (the server's file paths and module versions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

describe('error answers', () => {
  let lobby: RunningLobbyServer
  beforeAll(async () => {
    lobby = await startLobbyServer({ distDir: null })
  })
  afterAll(() => lobby?.stop())

  it.each(['/db/%E0%A4%A', '/db/lobby_public/%E0%A4%A', '/db/lobby_public/org/%E0%A4%A'])('answers a malformed path %s with JSON and no stack', async (path) => {
    const res = await fetch(`${lobby.url}${path}`)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toContain('application/json')
    const body = await res.text()
    expect(body).not.toMatch(/node_modules|at \w|<html/i)
    expect(JSON.parse(body)).toMatchObject({ error: 'bad_request' })
  })
})
