import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launch } from './chromium'
import { startLobby, type RunningLobby } from './lobby-server'
import { distDir } from './paths'

/**
 * For a spec file: the built app on the real embedded server (in memory) and a
 * Chromium, started before its tests and stopped after them.
 */
export function withLobby(): { browser: Browser; lobby: RunningLobby } {
  const env = {} as { browser: Browser; lobby: RunningLobby }
  beforeAll(async () => {
    env.lobby = await startLobby({ distDir })
    env.browser = await launch()
  })
  afterAll(async () => {
    await env.browser?.close()
    await env.lobby?.stop()
  })
  return env
}
