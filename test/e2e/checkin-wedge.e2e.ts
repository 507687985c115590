import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CheckinPage } from './pages/checkin.page'
import { MembersPage } from './pages/members.page'
import { newContext } from './support/chromium'
import { withLobby } from './support/fixture'
import { orgWithStaff } from './support/org-setup'

const mondayEvening = new Date('2026-11-30T19:30:00+08:00') // ordinary members: Mon–Thu 19:00–21:30, Asia/Shanghai
const member = { name: '欧阳娜娜', phone: '13700001111', idNumber: '110101199001011237' }
const nobody = '99999999'

/** Which element has the focus, by its test id (the verdict moves it to "next" on a refusal). */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName)

describe('check-in with a USB wedge scanner (MEM-3)', () => {
  const env = withLobby({ serverPerTest: true })

  it('a card scanned while the last verdict is up dismisses it and is checked in with every character; Enter or Space on "next" only dismisses', async () => {
    const context = await newContext(env.browser)
    await context.clock.setFixedTime(mondayEvening)
    const page = await context.newPage()
    const { auth } = await orgWithStaff(page, env.lobby.url)
    await auth.go('/members')
    const members = new MembersPage(page)
    await members.enrolNewPerson(member, { tier: 'ordinary', term: 'month', method: 'cash', receiptNo: 'R-001' })
    const { memberNo } = await members.summary()

    await auth.go('/checkin')
    const checkin = new CheckinPage(page)
    // A refusal: the verdict puts the focus on "next" for the desk to read it.
    expect((await checkin.scanText(nobody)).verdict).toBe('unknown-card')
    await expect.poll(() => focused(page)).toBe('verdict-dismiss')

    // The scanner types the next card as it does: every character at once, then Enter.
    await page.keyboard.type(memberNo, { delay: 0 })
    await page.keyboard.press('Enter')
    await page.locator('[data-testid=checkin-verdict][data-verdict=admit]').waitFor()
    expect(await page.getByTestId('verdict-name').textContent()).toBe('欧阳**')
    await expect.poll(() => checkin.present()).toEqual([memberNo])

    // An admit leaves the focus in the scan field: the next card is taken in the same way.
    await page.keyboard.type(nobody, { delay: 0 })
    await page.keyboard.press('Enter')
    await page.locator('[data-testid=checkin-verdict][data-verdict=unknown-card]').waitFor()

    // A person pressing Enter, then Space, on the focused "next": the verdict goes, nothing is scanned.
    for (const key of ['Enter', 'Space']) {
      await expect.poll(() => focused(page)).toBe('verdict-dismiss')
      await page.keyboard.press(key)
      await page.getByTestId('checkin-verdict').waitFor({ state: 'detached' })
      expect(await page.getByTestId('scan-text').inputValue()).toBe('')
      if (key === 'Enter') expect((await checkin.scanText(nobody)).verdict).toBe('unknown-card')
    }
    expect(await page.getByTestId('checkin-verdict').count()).toBe(0)
    await context.close()
  })
})
