/**
 * The one way a test starts Lobby's embedded server (issue 9 §7): real HTTP(S) on a free loopback
 * port, databases in memory unless the test gives a `dataDir` (to kill and restart it on disk).
 */
import type { Server } from 'node:http'
import { createLobbyServer, type LobbyServerOptions } from '../../server/app.js'
import { createHttpServer, listen } from '../../server/http-listener.js'
import { couchClient, type CouchClient } from '../../server/provision/http-client.js'

export interface TestServerOptions extends LobbyServerOptions {
  /** A fixed port, to restart a server where its devices expect it (default: a free one). */
  port?: number
  /** PEM file paths: serve HTTPS, as `--https-cert`/`--https-key` do. */
  https?: { cert: string; key: string }
}

export interface RunningLobbyServer {
  /** `http://127.0.0.1:<port>` (https when asked for), no trailing slash. */
  url: string
  /** `<url>/db/`: where devices sync. */
  dbUrl: string
  port: number
  adminUser: string
  adminPassword: string
  /** The server admin as an `Authorization` header value, for raw requests. */
  adminAuthorization: string
  /** A server admin's client, for what only operators do (accounts, inspecting stored documents). */
  admin: CouchClient
  /** Ends open connections (a `_changes` feed would otherwise hold the close), then the databases. */
  stop(): Promise<void>
}

export function basicAuth(name: string, password: string): string {
  return `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`
}

/** Serves no app unless `distDir` says where one is; logs nothing. */
export async function startLobbyServer(options: TestServerOptions = {}): Promise<RunningLobbyServer> {
  const { port: wantedPort = 0, https, ...serverOptions } = options
  const lobby = await createLobbyServer({ distDir: null, log: () => {}, ...serverOptions, memory: serverOptions.memory ?? !serverOptions.dataDir })
  const server: Server = createHttpServer(lobby.app, { httpsCert: https?.cert, httpsKey: https?.key })
  const port = await listen(server, wantedPort, '127.0.0.1')
  const url = `${https ? 'https' : 'http'}://127.0.0.1:${port}`
  return {
    url,
    dbUrl: `${url}/db/`,
    port,
    adminUser: lobby.adminUser,
    adminPassword: lobby.adminPassword,
    adminAuthorization: basicAuth(lobby.adminUser, lobby.adminPassword),
    admin: couchClient({ url: `${url}/db/`, name: lobby.adminUser, password: lobby.adminPassword }),
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await lobby.close()
    },
  }
}
