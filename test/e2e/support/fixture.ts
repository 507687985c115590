import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { launch } from './chromium'
import { startLobbyServer, type RunningLobbyServer } from '../../support/lobby-server'
import { distDir } from './paths'

/**
 * For a spec file: the built app on the real embedded server (in memory) and a
 * Chromium, started before its tests and stopped after them. With `serverPerTest`
 * every test gets a fresh server: a server holds one organisation, so tests that
 * found one must not share it.
 */
export function withLobby(options: { serverPerTest?: boolean } = {}): { browser: Browser; lobby: RunningLobbyServer } {
  const env = {} as { browser: Browser; lobby: RunningLobbyServer }
  const [before, after] = options.serverPerTest ? [beforeEach, afterEach] : [beforeAll, afterAll]
  beforeAll(async () => {
    env.browser = await launch()
  })
  before(async () => {
    env.lobby = await startLobbyServer({ distDir })
  })
  after(async () => {
    await env.lobby?.stop()
  })
  afterAll(async () => {
    await env.browser?.close()
  })
  return env
}
