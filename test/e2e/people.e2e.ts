import { describe, expect, it } from 'vitest'
import { artifactPath } from '../support/artifacts'
import { PeoplePage } from './pages/people.page'
import { newContext } from './support/chromium'
import { withLobby } from './support/fixture'
import { desk, orgWithStaff } from './support/org-setup'

const people = [
  { name: '欧阳娜娜', phone: '13711112222', idNumber: '' },
  { name: '司马光明', phone: '13698765432', idNumber: '' },
]

describe('People page: lists that do not look empty (issue 10)', () => {
  const env = withLobby()

  it('CONF-4 shows the recent people (masked) after a reload and sign-in, says how to find others, and finds a person by full name', async () => {
    const context = await newContext(env.browser)
    const page = await context.newPage()
    const { auth } = await orgWithStaff(page, env.lobby.url)
    await auth.go('/people')
    const peoplePage = new PeoplePage(page)
    for (const p of people) await peoplePage.register(p)

    // A reload forgets the session (keys live in memory): sign in again, as the next shift would.
    await auth.signInFresh(desk.username, desk.passphrase)
    await page.getByTestId('signed-in-as').waitFor({ timeout: 60_000 })
    await auth.go('/people')
    const table = page.getByTestId('people-table')
    await table.locator('tbody tr').nth(1).waitFor()
    expect(await peoplePage.names()).toEqual(['司马**', '欧阳**'])
    expect(await page.getByTestId('people-status').innerText()).toMatch(/姓名、电话或证件号码/)
    await page.screenshot({ path: artifactPath('screenshots/people-recent-tablet.png'), fullPage: true })

    expect(await peoplePage.find('  欧阳娜娜 ')).toEqual(['欧阳**'])
    expect(await peoplePage.find('没有这个人')).toEqual([])
    await context.close()
  })
})
