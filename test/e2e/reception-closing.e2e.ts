import { describe, expect, it } from 'vitest'
import { artifactPath } from '../support/artifacts'
import { ReceptionPage } from './pages/reception.page'
import { ShellPage } from './pages/shell.page'
import { axeViolations } from './support/axe'
import { newContext, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin, desk as deskUser } from './support/org-setup'
import { connectedDeskTablet } from './support/tablets'

// The test organisation's building closes at 21:00 every day (Asia/Shanghai).
const mondayEvening = new Date('2026-12-07T20:30:00+08:00')
const afterClosing = new Date('2026-12-07T21:01:00+08:00')
const tuesdayMorning = new Date('2026-12-08T08:30:00+08:00')
const supplier = { phone: '13812345678', name: '张伟明', organisation: '华东水务', purpose: '送桶装水' }
const courier = { phone: '13698765432', name: '周快递', organisation: '顺丰速运', purpose: '取件' }

describe('REC-6: visits open at closing time, closed the next morning with a note', () => {
  const env = withLobby({ serverPerTest: true })

  it('a visit left open at 21:00 is flagged; checked out by hand or, the next morning, automatically with the note; axe clean in both languages', async () => {
    const context = await newContext(env.browser, { viewport: tablet })
    await context.clock.setFixedTime(mondayEvening)
    const page = await context.newPage()
    const { auth } = await connectedDeskTablet(page, env.lobby)
    const shell = new ShellPage(page, env.lobby.url)
    const desk = new ReceptionPage(page)
    await auth.go('/reception')
    for (const v of [supplier, courier]) {
      await desk.lookUp(v.phone)
      await desk.fill({ ...v, category: 'supplier', host: admin.name })
      await desk.submit()
    }
    await desk.tab('in-building')
    // Both came at the same fixed instant: their order is not the point.
    await expect.poll(async () => (await desk.inBuilding()).sort()).toEqual(['周**', '张**'].sort())
    expect(await page.getByTestId('after-closing').count()).toBe(0)
    expect(await page.getByTestId('closing-flagged').count()).toBe(0)

    // After closing: both flagged, the time the building closed said; the courier is checked out by hand.
    // Half an hour untouched locks a front-desk tablet (CONF-7); the desk unlocks it.
    await auth.idleUntil(context.clock, afterClosing, deskUser.passphrase)
    // The desk opens its pages again (a page of the desk opening is what reads the clock's news).
    await desk.tab('register')
    await desk.tab('in-building')
    await expect.poll(() => page.getByTestId('after-closing').count()).toBe(2)
    expect(await page.getByTestId('closing-flagged').textContent()).toContain('21:00')
    for (const locale of ['zh-CN', 'en'] as const) {
      await shell.switchLanguage(locale)
      await expect.poll(() => page.getByTestId('closing-flagged').textContent()).toMatch(locale === 'en' ? /Still in the building after closing \(21:00\)/ : /闭馆（21:00）后仍在楼内/)
      expect(await axeViolations(page), `flagged ${locale}`).toEqual([])
      await page.screenshot({ path: artifactPath(`screenshots/reception-closing-flagged-${locale}.png`), fullPage: true })
    }
    await desk.checkOut('周**')
    await expect.poll(() => desk.inBuilding()).toEqual(['张**'])
    await expect.poll(() => page.getByTestId('after-closing').count()).toBe(1)

    // The next morning: the supplier's visit was closed automatically at 21:00, and the desk is told, with the note.
    // A night idle: the tablet locked itself; the desk unlocks and opens a reception page.
    await auth.idleUntil(context.clock, tuesdayMorning, deskUser.passphrase)
    await desk.tab('register')
    await desk.tab('in-building')
    await expect.poll(() => page.getByTestId('closing-closed-row').count()).toBe(1)
    await expect.poll(() => desk.inBuilding()).toEqual([])
    const row = (await page.getByTestId('closing-closed-row').textContent())!
    expect(row).toContain('张**')
    expect(row).not.toContain(supplier.name)
    expect(row).toContain('Still open at closing time: checked out automatically')
    expect(row).toContain('21:00')
    for (const locale of ['zh-CN', 'en'] as const) {
      await shell.switchLanguage(locale)
      await expect.poll(() => page.getByTestId('closing-closed').textContent()).toMatch(locale === 'en' ? /Closed automatically last night/ : /昨晚自动签出/)
      expect(await axeViolations(page), `closed ${locale}`).toEqual([])
      await page.screenshot({ path: artifactPath(`screenshots/reception-closing-closed-${locale}.png`), fullPage: true })
    }
    // Opening the desk again closes nothing twice: still one automatic check-out shown.
    await desk.tab('register')
    await expect.poll(() => page.getByTestId('closing-closed-row').count()).toBe(1)
    await context.close()
  })
})
