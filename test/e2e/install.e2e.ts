import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MembersPage } from './pages/members.page'
import { launchPersistent, newContext, phone, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { orgWithStaff } from './support/org-setup'
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

/** What Chromium does when the app is installable: offers it once per page load (its own prompt is ours to show). */
async function offerInstall(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: () => Promise.resolve(),
      userChoice: Promise.resolve({ outcome: 'dismissed' }),
    })
    window.dispatchEvent(offer)
    // Two frames: Vue has rendered whatever the offer shows.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  })
}

/** At the bottom of the screen (where a bottom notice would sit), the element's centre is the element itself. */
async function uncoveredAtBottom(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((el) => {
    el.scrollIntoView({ block: 'end', behavior: 'instant' })
    const box = el.getBoundingClientRect()
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    return hit !== null && (hit === el || el.contains(hit))
  })
}

describe("the install banner: remembered when dismissed, never over a form's submit or the member card (issue 10)", () => {
  const env = withLobby({ serverPerTest: true })
  const member = { name: '欧阳娜娜', phone: '13700001111', idNumber: '110101199001011237' }

  for (const [label, viewport] of [
    ['tablet', tablet],
    ['phone', phone],
  ] as const) {
    it(`${label}: shown, it covers neither the founding agreement's submit nor the card's QR; "Not now" holds across a reload`, async () => {
      const context = await newContext(env.browser, { viewport })
      const page = await context.newPage()
      await page.goto(env.lobby.url)
      await page.getByTestId('create-org').waitFor()
      await offerInstall(page)
      await page.getByTestId('install-banner').waitFor()
      expect(await uncoveredAtBottom(page, 'org-create')).toBe(true)

      const { auth } = await orgWithStaff(page, env.lobby.url)
      await auth.go('/members')
      const members = new MembersPage(page)
      await members.enrolNewPerson(member, { tier: 'ordinary', term: 'month', method: 'cash', receiptNo: 'R-001' })
      await members.cardQr()
      await offerInstall(page)
      await page.getByTestId('install-banner').waitFor()
      expect(await uncoveredAtBottom(page, 'member-card-qr')).toBe(true)

      // "Not now": gone, and still gone after a reload although the browser offers the install again.
      await page.getByTestId('install-banner').getByRole('button', { name: /暂不|Not now/ }).click()
      await page.getByTestId('install-banner').waitFor({ state: 'detached' })
      await page.reload()
      await page.locator('#main').waitFor()
      await offerInstall(page)
      expect(await page.getByTestId('install-banner').count()).toBe(0)
      await context.close()
    })
  }
})
