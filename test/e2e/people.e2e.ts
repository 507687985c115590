import { describe, expect, it } from 'vitest'
import { artifactPath } from '../support/artifacts'
import { axeViolations } from './support/axe'
import { PeoplePage } from './pages/people.page'
import { newContext, phone, tablet } from './support/chromium'
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

describe('People page: a business and its customer file (CUST-1, issue 12 §1)', () => {
  const env = withLobby()

  it('CUST-1 adds a business with its file, refuses a wrong postcode in the user\'s language, finds it and shows the file in the edit form', async () => {
    const context = await newContext(env.browser, { viewport: tablet })
    const page = await context.newPage()
    const { auth } = await orgWithStaff(page, env.lobby.url)
    await auth.go('/people')

    // The kind is a radio group: the arrow key moves from individual to business.
    await page.getByTestId('person-kind-individual').focus()
    await page.keyboard.press('ArrowRight')
    expect(await page.getByTestId('person-kind-business').isChecked()).toBe(true)
    const fields = {
      'person-name': '华为技术有限公司',
      'person-phone': '0755-2878 0808',
      'person-file-address': '深圳市龙岗区坂田华为总部办公楼',
      'person-file-postcode': '51812',
      'person-file-fax': '0755-2878 9251',
      'person-file-legal-representative': '赵明路',
      'person-file-licence': '91440300708461136t',
      'person-file-scope': '程控交换机、传输设备、数据通信设备的开发、生产、销售',
      'person-file-capital': '4,104,113,182.00',
    }
    for (const [testid, text] of Object.entries(fields)) await page.getByTestId(testid).fill(text)
    await page.getByTestId('person-save').click()
    const postcodeField = page.locator('.field', { has: page.getByTestId('person-file-postcode') })
    expect(await postcodeField.getByRole('alert').innerText()).toBe('邮政编码是 6 位数字。')
    expect(await page.getByRole('alert').count()).toBe(1)

    await page.getByTestId('person-file-postcode').fill('518129')
    await expect.poll(() => postcodeField.getByRole('alert').count()).toBe(0)
    await page.getByTestId('person-save').click()
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor()

    const peoplePage = new PeoplePage(page)
    expect(await peoplePage.find('华为技术有限公司')).toHaveLength(1)
    const row = page.getByTestId('people-table').locator('tbody tr').first()
    expect(await row.getByTestId('person-business').innerText()).toBe('企业')
    await row.getByTestId('person-edit-open').click()
    const edit = page.getByTestId('person-edit')
    expect(await edit.getByTestId('edit-kind-business').isChecked()).toBe(true)
    const shown = Object.fromEntries(
      await Promise.all(
        ['address', 'postcode', 'fax', 'legal-representative', 'licence', 'scope', 'capital'].map(async (f) => [f, await edit.getByTestId(`edit-file-${f}`).inputValue()]),
      ),
    )
    expect(shown).toEqual({
      address: '深圳市龙岗区坂田华为总部办公楼',
      postcode: '518129',
      fax: '0755-2878 9251',
      'legal-representative': '赵明路',
      licence: '91440300708461136T',
      scope: '程控交换机、传输设备、数据通信设备的开发、生产、销售',
      capital: '4104113182.00',
    })
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: artifactPath('screenshots/people-business-tablet.png'), fullPage: true })
    await page.setViewportSize(phone)
    expect(await edit.getByTestId('edit-file-licence').isVisible()).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: artifactPath('screenshots/people-business-phone.png'), fullPage: true })
    await context.close()
  })
})
