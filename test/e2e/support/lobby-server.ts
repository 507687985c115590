import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { createLobbyServer } from '../../../server/app.js'

export interface RunningLobby {
  url: string
  adminUser: string
  adminPassword: string
  stop(): Promise<void>
}

/** The real embedded server (in-memory databases) serving `distDir` on a free loopback port. */
export async function startLobby(options: { distDir: string; corsOrigins?: string[] }): Promise<RunningLobby> {
  const lobby = await createLobbyServer({ memory: true, log: () => {}, ...options })
  const server: Server = await new Promise((resolve) => {
    const s = lobby.app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    adminUser: lobby.adminUser,
    adminPassword: lobby.adminPassword,
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await lobby.close()
    },
  }
}
