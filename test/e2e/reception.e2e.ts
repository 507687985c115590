import { describe, expect, it } from 'vitest'
import type { RunningLobbyServer } from '../support/lobby-server'
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
const reporter = { phone: '13698765432', name: '周记者', organisation: '晨报', purpose: '采访校庆' }
const salesman = { phone: '13511112222', name: '钱推销', organisation: '平安保险', purpose: '推销保险' }

describe('the reception desk (REC-1, REC-2, REC-6) on a tablet with the network off', () => {
  const env = withLobby({ serverPerTest: true })

  it('a returning supplier by phone, a reporter, an insurance salesman refused; checked out by hand; synced as ciphertext only', async () => {
    const context = await newContext(env.browser, { viewport: tablet })
    await context.clock.setFixedTime(mondayMorning)
    const page = await context.newPage()
    const { auth } = await connectedDeskTablet(page, env.lobby)
    await context.setOffline(true)
    await auth.go('/reception')
    const desk = new ReceptionPage(page)

    // The supplier's first visit (a new visitor), then checked out: they are a returning visitor from now on.
    expect(await desk.lookUp(supplier.phone)).toContain('新访客')
    await desk.fill({ ...supplier, category: 'supplier', host: admin.name })
    await desk.submit()
    await desk.tab('in-building')
    await expect.poll(() => desk.inBuilding()).toEqual(['张**'])
    await desk.checkOut('张**')
    await expect.poll(() => desk.inBuilding()).toEqual([])

    // REC-1: found by phone, shown masked, prefilled; REC-2: normal level, reception area, water.
    await desk.tab('register')
    const found = await desk.lookUp(supplier.phone)
    expect(found).toContain('张**')
    expect(found).not.toContain(supplier.name)
    expect(await page.getByTestId('reception-form').textContent()).toContain('华**')
    expect(await page.getByTestId('reception-form').textContent()).not.toContain(supplier.organisation)
    expect(await page.getByTestId('reception-category').inputValue()).toBe('supplier')
    await desk.fill({ purpose: supplier.purpose })
    expect(await desk.suggestion()).toMatchObject({ level: '普通规格', place: '接待区', offered: '矿泉水', badge: '发放访客证' })
    expect(await desk.submit()).toContain('已登记')
    await expect(page.getByTestId('slot-badge').count()).resolves.toBe(1)
    await expect(page.getByTestId('slot-host-told').count()).resolves.toBe(1)

    // REC-2: the media → high level, meeting room, no badge, and why.
    expect(await desk.lookUp(reporter.phone)).toContain('新访客')
    await desk.fill({ ...reporter, category: 'media', host: admin.name })
    expect(await desk.suggestion()).toMatchObject({ level: '高规格', place: '会议室', offered: '咖啡、饮料或茶', badge: '不发访客证：高规格访客全程陪同' })
    await desk.submit()

    // REC-2: insurance sales → refused, recorded, not admitted.
    await desk.lookUp(salesman.phone)
    await desk.fill({ ...salesman, category: 'insurance-sales', host: admin.name, refuseReason: '保险推销，不予接待' })
    expect((await desk.suggestion()).level).toBe('拒绝接待')
    expect(await desk.submit()).toContain('已记录拒绝')

    // REC-6: in the building: the supplier and the reporter, not the salesman; the supplier leaves.
    await desk.tab('in-building')
    // Both came at the same instant (the clock is fixed): the order between them is not the point here.
    await expect.poll(async () => (await desk.inBuilding()).sort()).toEqual(['周**', '张**'].sort())
    await desk.checkOut('张**')
    await expect.poll(() => desk.inBuilding()).toEqual(['周**'])

    // Back online: everything reaches the server, sealed (no name, phone or organisation in its documents).
    await context.setOffline(false)
    const shell = new ShellPage(page, env.lobby.url)
    await expect
      .poll(async () => {
        await shell.syncNow()
        const docs = await serverDocs(env.lobby, 'lobby_desk')
        return ['visit', 'visit-checkout'].map((type) => docs.filter((d) => d.type === type).length)
      }, { timeout: 60_000 })
      .toEqual([4, 2])
    const stored = JSON.stringify(await serverDocs(env.lobby, 'lobby_desk')) + JSON.stringify(await serverDocs(env.lobby, 'lobby_directory'))
    for (const v of [supplier, reporter, salesman]) for (const clear of [v.name, v.phone, v.organisation, v.purpose]) expect(stored).not.toContain(clear)
    expect(stored).not.toContain('保险推销，不予接待')
    await context.close()
  })

  it('axe finds nothing on register and in-building, in both languages, at tablet and phone sizes', async () => {
    const context = await newContext(env.browser, { viewport: tablet })
    await context.clock.setFixedTime(mondayMorning)
    const page = await context.newPage()
    const { auth } = await connectedDeskTablet(page, env.lobby)
    const shell = new ShellPage(page, env.lobby.url)
    const desk = new ReceptionPage(page)
    await auth.go('/reception')
    await desk.lookUp(supplier.phone)
    await desk.fill({ ...supplier, category: 'supplier', host: admin.name })
    await desk.submit()
    for (const viewport of [tablet, phone]) {
      await page.setViewportSize(viewport)
      for (const locale of ['zh-CN', 'en'] as const) {
        await shell.switchLanguage(locale)
        await desk.tab('register')
        await desk.lookUp(reporter.phone)
        await desk.fill({ ...reporter, category: 'media' })
        await desk.suggestion()
        expect(await axeViolations(page), `register ${locale} ${viewport.width}`).toEqual([])
        await page.screenshot({ path: artifactPath(`screenshots/reception-register-${locale}-${viewport.width}.png`), fullPage: true })
        await desk.tab('in-building')
        await expect.poll(() => desk.inBuilding()).toHaveLength(1)
        expect(await axeViolations(page), `in building ${locale} ${viewport.width}`).toEqual([])
        await page.screenshot({ path: artifactPath(`screenshots/reception-in-building-${locale}-${viewport.width}.png`), fullPage: true })
      }
    }
    await context.close()
  })
})

async function serverDocs(lobby: RunningLobbyServer, database: string): Promise<{ type?: string }[]> {
  const res = await fetch(`${lobby.url}/db/${database}/_all_docs?include_docs=true`, { headers: { Authorization: lobby.adminAuthorization } })
  return ((await res.json()) as { rows: { doc: { type?: string } }[] }).rows.map((r) => r.doc)
}
