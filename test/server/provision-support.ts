/** Helpers for the provisioning tests: clients, users with sessions, documents. */
import type { CouchClient } from '../../server/provision/http-client.js'
import { createServerUser } from '../../server/provision/users.js'
import { cookiePair, postSession } from './support'
import { type RunningLobbyServer } from '../support/lobby-server'

export const json = { 'content-type': 'application/json' }

export function adminClient(lobby: RunningLobbyServer): CouchClient {
  return lobby.admin
}

export interface SignedIn {
  name: string
  password: string
  /** `AuthSession=…`, from `POST /db/_session` */
  cookie: string
  /** A request under /db/ with the session cookie. */
  call(method: string, path: string, body?: unknown): Promise<Response>
}

/** Creates a server user (as the server admin) and signs them in through `POST /db/_session`. */
export async function signedInUser(lobby: RunningLobbyServer, name: string, roles: string[]): Promise<SignedIn> {
  const password = `pw-${name}`
  await createServerUser(adminClient(lobby), { name, password, roles })
  const login = await postSession(lobby.url, name, password)
  if (login.status !== 200) throw new Error(`sign-in of ${name}: ${login.status}`)
  const cookie = cookiePair(login.headers.get('set-cookie'))
  return {
    name, password, cookie,
    call: (method, path, body) => fetch(`${lobby.url}/db/${path}`, {
      method,
      headers: { ...json, cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  }
}

/** An anonymous request under /db/. */
export function anonymous(lobby: RunningLobbyServer, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${lobby.url}/db/${path}`, { method, headers: json, body: body === undefined ? undefined : JSON.stringify(body) })
}

/** The server admin's view of a document: its status and body. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any CouchDB answer
export async function adminGet(lobby: RunningLobbyServer, path: string): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(`${lobby.url}/db/${path}`, { headers: { authorization: lobby.adminAuthorization } })
  return { status: res.status, body: await res.json() }
}

/** An envelope as the clients write it: a `note`, an ordinary record type no policy row names (a `visit` is append-only since reception). */
export function envelope(id: string, realm: string, by: string, extra: Record<string, unknown> = {}) {
  return { _id: id, type: 'note', realm, kid: `${realm}:1`, v: 1, by, bi: { phone: 'abcdef' }, ct: 'c2VhbGVk', ...extra }
}

export function auditEntry(id: string, by: string) {
  return {
    _id: id, type: 'audit', realm: 'audit', v: 1, by, dev: 'dev1', seq: 1, prev: 'genesis',
    box: { epk: { kty: 'EC' }, iv: 'aXY', ct: 'Y3Q' }, hash: 'aGFzaA', sig: 'c2ln',
  }
}
