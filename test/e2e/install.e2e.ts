import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchPersistent } from './support/chromium'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'
import { distDir } from './support/paths'

interface ManifestImage {
  src: string
  sizes: string
  type?: string
  purpose?: string
  form_factor?: string
}
interface Manifest {
  id?: string
  start_url?: string
  display?: string
  name?: string
  short_name?: string
  icons?: ManifestImage[]
  screenshots?: ManifestImage[]
}

/** Width and height from a PNG's IHDR chunk, so we check the real pixels, not the declared size. */
function pngSize(png: Buffer): string {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  return `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`
}

describe('install: the built manifest makes Lobby installable', () => {
  let manifest: Manifest
  let lobby: RunningLobbyServer

  beforeAll(async () => {
    manifest = JSON.parse(await readFile(`${distDir}/manifest.webmanifest`, 'utf8')) as Manifest
    lobby = await startLobbyServer({ distDir })
  })
  afterAll(async () => {
    await lobby?.stop()
  })

  it('has id, start_url, standalone display and both names', () => {
    expect(manifest).toMatchObject({ id: '/', start_url: '/', display: 'standalone' })
    expect(manifest.name?.length).toBeGreaterThan(0)
    expect(manifest.short_name?.length).toBeGreaterThan(0)
    expect(manifest.short_name!.length).toBeLessThanOrEqual(12) // fits under a home-screen icon
  })

  it('has 192 and 512 icons for any purpose and a separate maskable 512, each the size it claims', async () => {
    const icons = manifest.icons ?? []
    const any192 = icons.find((i) => i.sizes === '192x192' && (i.purpose ?? 'any') === 'any')
    const any512 = icons.find((i) => i.sizes === '512x512' && (i.purpose ?? 'any') === 'any')
    const maskable = icons.find((i) => i.sizes === '512x512' && i.purpose === 'maskable')
    expect([any192, any512, maskable].every(Boolean)).toBe(true)
    for (const icon of [any192!, any512!, maskable!]) {
      expect(pngSize(await readFile(`${distDir}${icon.src}`))).toBe(icon.sizes)
    }
  })

  it('has a wide and a narrow screenshot of the real size', async () => {
    const shots = manifest.screenshots ?? []
    for (const factor of ['wide', 'narrow']) {
      const shot = shots.find((s) => s.form_factor === factor)
      expect(shot, factor).toBeDefined()
      expect(pngSize(await readFile(`${distDir}${shot!.src}`))).toBe(shot!.sizes)
    }
  })

  it('is linked from the page with an apple-touch-icon, and Chromium finds it installable', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'lobby-profile-'))
    const context = await launchPersistent(profile)
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(lobby.url)
    const link = await page.locator('link[rel=manifest]').getAttribute('href')
    expect(await page.locator('link[rel=manifest]').count()).toBe(1)
    const res = await page.request.get(new URL(link!, lobby.url).href)
    expect(res.ok()).toBe(true)
    expect(((await res.json()) as Manifest).id).toBe('/')
    const touchIcon = await page.locator('link[rel=apple-touch-icon]').getAttribute('href')
    expect(pngSize(Buffer.from(await (await page.request.get(new URL(touchIcon!, lobby.url).href)).body()))).toBe('180x180')
    // Chromium's own installability check: no errors means it would offer to install.
    const cdp = await context.newCDPSession(page)
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[]
    }
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([])
    await context.close()
    await rm(profile, { recursive: true, force: true })
  })
})
