/** Server tests' shared pieces: a tiny dist/ and sign-in helpers (the server itself: test/support/lobby-server.ts). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunningLobbyServer } from '../support/lobby-server'

export const INDEX_HTML = '<!doctype html><title>Lobby test shell</title>'

/** A built-app stand-in: index.html, sw.js, a workbox file, the manifest and one hashed asset. */
export function makeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lobby-dist-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), INDEX_HTML)
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})\n')
  writeFileSync(join(dir, 'workbox-abc123.js'), '// workbox\n')
  writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"Lobby"}\n')
  writeFileSync(join(dir, 'assets', 'x.js'), 'export const x = 1\n')
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\n')
  return dir
}

/** Creates a `_users` account as the server admin. */
export async function createUser(lobby: RunningLobbyServer, name: string, password: string, roles: string[] = []): Promise<void> {
  const res = await fetch(`${lobby.url}/db/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`, {
    method: 'PUT',
    headers: { authorization: lobby.adminAuthorization, 'content-type': 'application/json' },
    body: JSON.stringify({ _id: `org.couchdb.user:${name}`, name, type: 'user', roles, password }),
  })
  if (res.status !== 201) throw new Error(`creating ${name}: ${res.status} ${await res.text()}`)
}

/** `POST /db/_session`; returns the response (its Set-Cookie holds the session). */
export function postSession(url: string, name: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/db/_session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ name, password }),
  })
}

/** The `name=value` part of a Set-Cookie header, to send back as Cookie. */
export function cookiePair(setCookie: string | null): string {
  const pair = (setCookie ?? '').split(';')[0] ?? ''
  if (!pair.startsWith('AuthSession=')) throw new Error(`no AuthSession cookie in: ${setCookie}`)
  return pair
}
