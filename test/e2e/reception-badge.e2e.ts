import { writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ReceptionPage } from './pages/reception.page'
import { ShellPage } from './pages/shell.page'
import { artifactPath } from '../support/artifacts'
import { axeViolations } from './support/axe'
import { newContext, phone, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin } from './support/org-setup'
import { connectedDeskTablet } from './support/tablets'

const mondayMorning = new Date('2026-12-07T10:00:00+08:00')
const supplier = { phone: '13812345678', name: '张伟明', organisation: '华东水务', purpose: '送桶装水' }

describe('the visitor badge desk (REC-4, REC-6) on a tablet with the network off', () => {
  const env = withLobby({ serverPerTest: true })

  it('REC-4, REC-6: a returning supplier’s badge prints with its QR, and scanning its picture checks them out; a tampered badge changes nothing', async () => {
    const context = await newContext(env.browser, { viewport: tablet })
    await context.clock.setFixedTime(mondayMorning)
    const page = await context.newPage()
    const { auth } = await connectedDeskTablet(page, env.lobby)
    await context.setOffline(true)
    await auth.go('/reception')
    const desk = new ReceptionPage(page)

    // A first visit, checked out by hand: the supplier is a returning visitor from now on.
    await desk.lookUp(supplier.phone)
    await desk.fill({ ...supplier, category: 'supplier', host: admin.name })
    await desk.submit()
    await desk.tab('in-building')
    await desk.checkOut('张**')
    await expect.poll(() => desk.inBuilding()).toEqual([])

    // REC-4: registered again (returning, by phone): the badge is signed here and printed on the chosen paper.
    await desk.tab('register')
    expect(await desk.lookUp(supplier.phone)).toContain('张**')
    await desk.fill({ purpose: supplier.purpose })
    await desk.submit()
    const qr = await desk.badgeShown()
    expect(qr).toMatch(/^LBV1\.visit:[^.]+\.\d+\.1\./)
    expect(await page.getByTestId('badge-name').textContent()).toBe(supplier.name)
    // The badge screen, axe-clean at phone and tablet sizes in both languages (ending as it began: tablet, zh-CN).
    const shell = new ShellPage(page, env.lobby.url)
    for (const viewport of [phone, tablet]) {
      await page.setViewportSize(viewport)
      for (const locale of ['en', 'zh-CN'] as const) {
        await shell.switchLanguage(locale)
        await page.getByTestId('visitor-badge-qr').waitFor()
        expect(await axeViolations(page), `registered panel with its badge, ${locale} ${viewport.width}`).toEqual([])
        await page.screenshot({ path: artifactPath(`screenshots/reception-badge-${locale}-${viewport.width}.png`), fullPage: true })
      }
    }
    await desk.chooseBadgeSize('a6')
    await desk.chooseBadgeSize('label')
    expect(await desk.printBadge()).toBe(1)

    // What the printer gets: the badge alone, with its QR drawn.
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByTestId('visitor-badge').isVisible()).toBe(true)
    expect(await page.getByTestId('visitor-badge').getAttribute('data-print-size')).toBe('label')
    expect(await page.getByTestId('visitor-badge-qr').locator('svg').count()).toBe(1)
    expect(await page.getByTestId('reception-form').isVisible()).toBe(false)
    await page.screenshot({ path: artifactPath('screenshots/reception-badge-print.png') })
    await page.emulateMedia({ media: 'screen' })
    const badgePicture = await desk.badgeQrImage()
    writeFileSync(artifactPath('screenshots/reception-badge-qr.png'), badgePicture)

    // REC-6: a tampered badge (its expiry pushed back) is refused, and nobody leaves the list.
    await desk.tab('in-building')
    await expect.poll(() => desk.inBuilding()).toEqual(['张**'])
    const parts = qr.split('.')
    parts[2] = String(Number(parts[2]) + 3_600_000)
    const tampered = await desk.checkOutByBadgeText(parts.join('.'))
    expect(tampered).toMatchObject({ ok: false, problem: 'forged' })
    expect(tampered.message).toContain('篡改')
    expect(await desk.inBuilding()).toEqual(['张**'])

    // REC-6: the badge's picture, decoded like a member card's photo, checks the supplier out.
    const out = await desk.checkOutByBadgeImage(badgePicture)
    expect(out).toMatchObject({ ok: true })
    expect(out.message).toContain('张**')
    await expect.poll(() => desk.inBuilding()).toEqual([])
    expect(await desk.checkOutByBadgeText(qr)).toMatchObject({ ok: false, problem: 'already-out' })
    expect(await axeViolations(page), 'in building with a badge refusal').toEqual([])
    await context.close()
  })
})
