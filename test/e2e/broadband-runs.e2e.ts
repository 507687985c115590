import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { artifactPath } from '../support/artifacts'
import { AuthPage } from './pages/auth.page'
import { BroadbandOpsPage } from './pages/broadband-ops.page'
import { StaffAdminPage } from './pages/staff.page'
import { axeEverywhere } from './support/axe-everywhere'
import { newContext, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin } from './support/org-setup'

const agent = { name: '孙宽带', username: 'sun.agent', passphrase: 'broadband at the counter 2027' }
const account = { accountNo: 'KD-2027-0007', accountName: '司马宿舍', planName: '100M 校园', monthlyFee: '100', singlePortFee: '30', cycleStart: '2027-01-01', cycleEnd: '2027-12-31' }
const february = new Date('2027-02-03T10:00:00+08:00')


const errors = (page: Page, form: string) => page.locator(`[data-testid=${form}] .field-error`).allTextContents()

describe('the broadband runs: worklist, outages, notices (BB-4, BB-6, BB-8, BB-13)', () => {
  const env = withLobby()

  it('an unpaid January proposes the dunning notice (letter and message); an outage is credited per month once; 47 hours of notice is refused, 48 is on the statement', async () => {
    const context = await newContext(env.browser, { viewport: tablet })
    await context.clock.setFixedTime(february)
    const page = await context.newPage()
    const auth = new AuthPage(page, env.lobby.url)
    await auth.createOrganisation(admin)
    await auth.go('/staff')
    const code = await new StaffAdminPage(page).create({ name: agent.name, username: agent.username, role: 'agent' })
    await auth.signOut()
    await auth.signIn(agent.username, code)
    await auth.completeFirstSignIn(agent.passphrase)
    await auth.go('/broadband')
    const desk = new BroadbandOpsPage(page)
    await page.getByTestId('broadband-open-link').click()
    await desk.addSubscriber({ name: '司马光', phone: '13900000007' })
    await desk.fillAgreement(account)
    expect(await desk.submitOpen()).toEqual({ opened: true })
    await desk.statusAction('start', '2027-01-01')

    // BB-4: January billed and unpaid past its due date (31 January): the worklist proposes the notice; confirmed, the letter and the message.
    await desk.tab('bill-run')
    await desk.previewBillRun('2027-01')
    // Billed after its due date (31 January): the preview says the charges are overdue as soon as they are posted.
    expect(await page.getByTestId('bill-run-overdue').innerText()).toContain('2027-01-31')
    await desk.postBillRun('2027-01')
    await desk.tab('worklist')
    const row = page.locator(`[data-testid=worklist-row][data-account-no="${account.accountNo}"]`)
    expect(await row.getAttribute('data-step')).toBe('notice')
    await axeEverywhere(page, auth, '/broadband/worklist')
    await row.getByTestId('worklist-act').click()
    await row.getByTestId('worklist-act-yes').click()
    await page.getByTestId('dunning-letter').waitFor()
    expect(await page.getByTestId('dunning-letter').innerText()).toContain(account.accountNo)
    expect(await page.getByTestId('dunning-message').inputValue()).toContain('¥100.00')
    expect(await page.getByTestId('dunning-message').inputValue()).toContain('2027-02-09')
    await page.screenshot({ path: artifactPath('e2e/broadband-dunning-letter.png'), fullPage: true })
    await page.getByTestId('worklist-none').waitFor()

    // BB-6: an end before the start is refused next to it; a business-caused outage repaired late across the month end is credited per month.
    await desk.tab('outages')
    await axeEverywhere(page, auth, '/broadband/outages')
    await page.getByTestId('outage-accounts').fill(account.accountNo)
    await page.getByTestId('outage-start').fill('2027-01-30T22:00')
    await page.getByTestId('outage-end').fill('2027-01-30T21:00')
    await page.getByTestId('outage-cause').fill('光缆被挖断')
    await page.getByTestId('outage-promised').fill('2027-01-31T08:00')
    await page.getByTestId('outage-save').click()
    await expect.poll(() => errors(page, 'outage-form')).toEqual(['修复时间早于开始时间。'])
    await page.getByTestId('outage-end').fill('2027-02-02T01:00')
    await page.getByTestId('outage-save').click()
    await page.getByTestId('outage-credit-total').waitFor()
    // 2 of January's 31 days × ¥100.00 = ¥6.45; 2 of February's 28 = ¥7.14.
    expect(await page.getByTestId('outage-credit').innerText()).toMatch(/2027-01.*¥6\.45[\s\S]*2027-02.*¥7\.14/)
    expect(await page.getByTestId('outage-credit-total').innerText()).toContain('¥13.59')
    await page.getByTestId('outage-post').click()
    await page.getByTestId('outage-post-yes').click()
    await page.getByTestId('outage-credited').waitFor()
    expect(await page.getByTestId('outage-post').count()).toBe(0)
    await axeEverywhere(page, auth, '/broadband/outages')

    // BB-8: 47 hours ahead is refused, saying the earliest start; 48 hours is posted with a message text to copy.
    await desk.tab('notices')
    await axeEverywhere(page, auth, '/broadband/notices')
    await page.getByTestId('notice-title').fill('核心交换机升级')
    await page.getByTestId('notice-body').fill('期间断网约两小时。')
    await page.getByTestId('notice-starts').fill('2027-02-05T09:00')
    await page.getByTestId('notice-ends').fill('2027-02-05T11:00')
    await page.getByTestId('notice-channel-sms').check()
    await page.getByTestId('notice-post').click()
    await expect.poll(() => errors(page, 'notice-form')).toEqual(['须至少提前 48 小时通知：最早可于 2027-02-05 10:00 开始。'])
    await page.getByTestId('notice-starts').fill('2027-02-05T10:00')
    await page.getByTestId('notice-post').click()
    await page.getByTestId('notice-row').waitFor()
    expect(await page.getByTestId('notice-message').inputValue()).toContain('2027-02-05 10:00 至 2027-02-05 11:00')
    await axeEverywhere(page, auth, '/broadband/notices')

    // BB-8: February's statement carries the notice, printed with it.
    await desk.openAccount(account.accountNo)
    expect(await desk.statementNotices()).toEqual(['计划维护：核心交换机升级 2027-02-03 发布 施工时间 2027-02-05 10:00 至 2027-02-05 11:00 期间断网约两小时。'])
    await page.screenshot({ path: artifactPath('e2e/broadband-statement-notice.png'), fullPage: true })
    await axeEverywhere(page, auth, '/broadband/statement')
    await context.close()
  })
})
