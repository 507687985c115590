/**
 * The embedded server provisions itself on every start, through the same
 * CouchDB HTTP API and code as `npm run provision`: the app is served for a
 * moment on a free loopback port, provisioned with the admin's credentials,
 * and the port closed again before the real listener opens. Idempotent, and
 * a few dozen local requests (tens of milliseconds).
 */
import http from 'node:http'
import { provisionServer } from './databases.js'
import { couchClient } from './http-client.js'

/**
 * @param {import('express').Express} app the Lobby app (CouchDB API under /db/)
 * @param {{ adminUser: string, adminPassword: string, prefix?: string }} options
 * @returns {Promise<Awaited<ReturnType<typeof provisionServer>>>}
 */
export async function provisionEmbedded(app, { adminUser, adminPassword, prefix }) {
  const server = http.createServer(app)
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(undefined))
  })
  try {
    const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
    const client = couchClient({ url: `http://127.0.0.1:${port}/db/`, name: adminUser, password: adminPassword })
    return await provisionServer(client, { prefix })
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(() => resolve(undefined)))
  }
}

/**
 * Issue 14: the embedded server's follower of `lobby_signin` (member-signins.js; issue 15: technicians' databases too), over its own loopback listener with
 * the admin's credentials, as `npm run provision -- --follow` runs beside CouchDB.
 * @param {import('express').Express} app
 * @param {{ adminUser: string, adminPassword: string, prefix?: string, log?: (line: string) => void }} options
 * @returns {Promise<{ stop(): Promise<void> }>}
 */
export async function followEmbedded(app, { adminUser, adminPassword, prefix, log = () => {} }) {
  const { followMemberSignins } = await import('./member-signins.js')
  const server = http.createServer(app)
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(undefined))
  })
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  const client = couchClient({ url: `http://127.0.0.1:${port}/db/`, name: adminUser, password: adminPassword })
  const stopping = new AbortController()
  const running = followMemberSignins(client, {
    prefix,
    signal: stopping.signal,
    onEvent: ({ kind, detail }) => { if (kind !== 'applied') log(`Sign-in requests: ${kind}: ${detail}`) },
  })
  return {
    async stop() {
      stopping.abort()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(() => resolve(undefined)))
      await running
    },
  }
}
