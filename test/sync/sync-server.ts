import { afterEach, beforeEach } from 'vitest'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

/** One organisation per server: every test of the file gets its own fresh in-memory server. */
export function eachTestSyncServer(): RunningLobbyServer {
  const current = {} as RunningLobbyServer
  beforeEach(async () => void Object.assign(current, await startLobbyServer()))
  afterEach(async () => current.stop?.())
  return current
}
