import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import express from 'express'
import { createLobbyServer } from '../server/app.js'

export interface BenchServer {
  url: string
  adminUser: string
  adminPassword: string
  stop(): Promise<void>
}

/**
 * The embedded server (in memory) with the built app, as `npm start` serves it, plus the bench's
 * seed page (dist-bench/) under /bench/: same origin, so the seed writes the IndexedDB the app reads.
 */
export async function serve(): Promise<BenchServer> {
  const lobby = await createLobbyServer({ memory: true, distDir: 'dist', log: () => {} })
  const outer = express()
  outer.use('/bench', express.static('dist-bench', { index: false }))
  outer.use(lobby.app)
  const server: Server = await new Promise((resolve) => {
    const s = outer.listen(0, '127.0.0.1', () => resolve(s))
  })
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    adminUser: lobby.adminUser,
    adminPassword: lobby.adminPassword,
    async stop() {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
      await lobby.close()
    },
  }
}

/** Runs `work` against a fresh embedded server, stopped afterwards whatever happens. */
export async function withServer<T>(work: (server: BenchServer) => Promise<T>): Promise<T> {
  const server = await serve()
  try {
    return await work(server)
  } finally {
    await server.stop()
  }
}

/** Rejects with `what` named when `work` takes longer than `ms`: a stuck bench says where it stuck. */
export async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench timed out after ${Math.round(ms / 1000)} s: ${what}`)), ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}
