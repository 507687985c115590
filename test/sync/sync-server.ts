import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach } from 'vitest'
import { createLobbyServer } from '../../server/app.js'
import { couchClient } from '../../server/provision/http-client.js'

/** The real embedded sync server on a loopback port: in memory, or on leveldb in `dataDir` (to kill and restart it). */
export async function startSyncServer(options: { dataDir?: string; port?: number } = {}) {
  const lobby = await createLobbyServer({ ...(options.dataDir ? { dataDir: options.dataDir } : { memory: true }), distDir: null, log: () => {} })
  const server: Server = await new Promise((resolve) => {
    const s = lobby.app.listen(options.port ?? 0, '127.0.0.1', () => resolve(s))
  })
  const port = (server.address() as AddressInfo).port
  const base = `http://127.0.0.1:${port}/db/`
  return {
    base,
    port,
    /** A server admin's client, for what only operators do (accounts, inspecting stored documents). */
    admin: couchClient({ url: base, name: lobby.adminUser, password: lobby.adminPassword }),
    /** The same admin as an Authorization header, for raw requests. */
    adminAuthorization: `Basic ${Buffer.from(`${lobby.adminUser}:${lobby.adminPassword}`).toString('base64')}`,
    async stop() {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
      await lobby.close()
    },
  }
}

export type SyncServer = Awaited<ReturnType<typeof startSyncServer>>

/** One organisation per server: every test of the file gets its own fresh in-memory server. */
export function eachTestSyncServer(): SyncServer {
  const current = {} as SyncServer
  beforeEach(async () => void Object.assign(current, await startSyncServer()))
  afterEach(async () => current.stop?.())
  return current
}
