import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { artifactPath } from '../support/artifacts'
import { CheckinPage } from './pages/checkin.page'
import { MembersPage } from './pages/members.page'
import { PeoplePage } from './pages/people.page'
import { axeViolations } from './support/axe'
import { newContext, phone, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { orgWithStaff } from './support/org-setup'

// Inside the hours ordinary members may come (Mon–Thu 19:00–21:30, Asia/Shanghai): the check-in admits.
const mondayEvening = new Date('2026-11-30T19:30:00+08:00')

/**
 * For each cell of `table` whose text is short (a masked name, a tier, a date): how many lines its longest
 * text node takes. A column squeezed to one character's width breaks "欧阳**" into four lines.
 */
async function linesOfShortCells(page: Page, testId: string): Promise<{ text: string; lines: number }[]> {
  return page.getByTestId(testId).evaluate((table) => {
    const linesOf = (node: Text) => {
      const range = document.createRange()
      range.selectNodeContents(node)
      const tops: number[] = []
      for (const r of range.getClientRects()) if (r.width > 0 && !tops.some((t) => Math.abs(t - r.top) < 3)) tops.push(r.top)
      return tops.length
    }
    return [...table.querySelectorAll('tbody td')].flatMap((td) => {
      const text = (td.textContent ?? '').trim()
      if (!text || text.length > 12) return []
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT)
      let lines = 0
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n.textContent ?? '').trim()) lines = Math.max(lines, linesOf(n as Text))
      return [{ text, lines }]
    })
  })
}

/** Whether each row of the table reads as a card: every shown cell starts below the one before it (a label/value line each). */
async function rowsAreCards(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((table) =>
    [...table.querySelectorAll('tbody tr')].every((tr) => {
      const tops = [...tr.querySelectorAll('td')].filter((td) => td.getBoundingClientRect().height > 0).map((td) => td.getBoundingClientRect().top)
      return tops.length > 1 && tops.every((top, i) => i === 0 || top > tops[i - 1]!)
    }),
  )
}

/** Whether the element is inside the viewport and is what a tap at its centre reaches (not covered, not clipped). */
async function reachable(page: Page, selector: string, index: number): Promise<boolean> {
  return page.locator(selector).nth(index).evaluate((el) => {
    const r = el.getBoundingClientRect()
    if (r.width === 0 || r.height === 0 || r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) return false
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
    return hit !== null && el.contains(hit)
  })
}

describe('phone layout at 390×844 (issue 10)', () => {
  const env = withLobby()

  it('the header fits one row, the menu opens as a disclosure with every item reachable, tables read as cards, and axe finds nothing', async () => {
    const context = await newContext(env.browser, { viewport: tablet })
    await context.clock.setFixedTime(mondayEvening)
    const page = await context.newPage()
    const { auth } = await orgWithStaff(page, env.lobby.url)
    await auth.go('/members')
    await new MembersPage(page).enrolNewPerson({ name: '欧阳娜娜', phone: '13711112222' }, { tier: 'ordinary', term: 'month', method: 'cash', receiptNo: 'R-1' })
    const { memberNo } = await new MembersPage(page).summary()
    await auth.go('/people')
    await new PeoplePage(page).register({ name: '司马光明', phone: '13698765432', idNumber: '' })

    await page.setViewportSize(phone)
    // The "offline ready" notice sits over the bottom of the page: out of the way, as a person would.
    await page.getByTestId('offline-ready').getByRole('button').click({ timeout: 5_000 }).catch(() => undefined)
    const header = (await page.locator('header.shell-header').boundingBox())!
    expect(header.height).toBeLessThan(64)
    // Nothing in the header runs over anything else (the signed-in name once ran under the mark).
    const boxes = await page.locator('header.shell-header').evaluate((h) =>
      [...h.querySelectorAll<HTMLElement>('.shell-header-start > *, .shell-header-tools > *')]
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => ({ what: e.className || e.tagName, ...e.getBoundingClientRect().toJSON() as DOMRect })),
    )
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(a.right <= b.left + 0.5 || b.right <= a.left + 0.5, `${a.what} overlaps ${b.what}`).toBe(true)

    // The menu: a button that says whether it is open; opened, every entry is on screen and tappable.
    const toggle = page.getByTestId('nav-toggle')
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    await toggle.click()
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    const links = page.locator('nav a')
    const count = await links.count()
    expect(count).toBeGreaterThan(3)
    for (let i = 0; i < count; i++) expect(await reachable(page, 'nav a', i), await links.nth(i).innerText()).toBe(true)
    // Focus moves into the menu; Escape closes it and gives focus back to the button.
    expect(await page.evaluate(() => document.activeElement?.closest('nav') !== null)).toBe(true)
    expect(await axeViolations(page), 'menu open').toEqual([])
    await page.keyboard.press('Escape')
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('nav-toggle')
    expect(await links.first().isVisible()).toBe(false)

    // Keyboard: the button opens it, a link takes the page there and the menu closes.
    await toggle.focus()
    await page.keyboard.press('Enter')
    await page.locator('nav a[href="/members"]').click()
    await page.waitForURL((u) => u.pathname === '/members')
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')

    const members = new MembersPage(page)
    // The list reopens as the page mounts; once (CI, session 8) its first "ready" showed no row yet: polled, and noted to look into.
    await expect.poll(() => members.memberNumbers()).toHaveLength(1)
    const memberCells = await linesOfShortCells(page, 'members-table')
    expect(await rowsAreCards(page, 'members-table'), 'members-table as cards').toBe(true)
    expect(memberCells.map((c) => c.text)).toEqual(expect.arrayContaining(['欧阳**', '普通会员']))
    for (const cell of memberCells) expect(cell.lines, cell.text).toBe(1)
    expect(await members.horizontalOverflow()).toBeLessThanOrEqual(0)
    expect(await axeViolations(page), '/members').toEqual([])
    await page.screenshot({ path: artifactPath('screenshots/members-list-phone.png'), fullPage: true })

    await auth.go('/people')
    await page.getByTestId('people-table').locator('tbody tr').first().waitFor()
    const peopleCells = await linesOfShortCells(page, 'people-table')
    expect(await rowsAreCards(page, 'people-table'), 'people-table as cards').toBe(true)
    expect(peopleCells.map((c) => c.text)).toEqual(expect.arrayContaining(['欧阳**', '司马**']))
    for (const cell of peopleCells) expect(cell.lines, cell.text).toBe(1)
    expect(await members.horizontalOverflow()).toBeLessThanOrEqual(0)
    expect(await axeViolations(page), '/people').toEqual([])
    await page.screenshot({ path: artifactPath('screenshots/people-phone.png'), fullPage: true })

    await auth.go('/checkin')
    const checkin = new CheckinPage(page)
    expect((await checkin.scanText(memberNo)).verdict).toBe('admit')
    await checkin.dismiss()
    await expect.poll(() => checkin.present()).toEqual([memberNo])
    const presentCells = await linesOfShortCells(page, 'checkin-present')
    expect(await rowsAreCards(page, 'checkin-present'), 'checkin-present as cards').toBe(true)
    expect(presentCells.map((c) => c.text)).toEqual(expect.arrayContaining(['欧阳**', '普通会员']))
    for (const cell of presentCells) expect(cell.lines, cell.text).toBe(1)
    expect(await members.horizontalOverflow()).toBeLessThanOrEqual(0)
    expect(await axeViolations(page), '/checkin').toEqual([])
    await page.screenshot({ path: artifactPath('screenshots/checkin-phone.png'), fullPage: true })
    await context.close()
  })
})
