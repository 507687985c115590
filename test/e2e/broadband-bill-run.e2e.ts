import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { artifactPath } from '../support/artifacts'
import { AuthPage } from './pages/auth.page'
import { BroadbandOpsPage } from './pages/broadband-ops.page'
import { ShellPage } from './pages/shell.page'
import { StaffAdminPage } from './pages/staff.page'
import { axeEverywhere } from './support/axe-everywhere'
import { newContext, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin, manager } from './support/org-setup'
import { connectedDeskTablet } from './support/tablets'

const agent = { name: '孙宽带', username: 'sun.agent', passphrase: 'broadband at the counter 2027' }
const account = { accountNo: 'KD-2027-0042', accountName: '欧阳宿舍', planName: '100M 校园', monthlyFee: '100', singlePortFee: '30', cycleStart: '2027-01-01', cycleEnd: '2027-12-31' }
const february = new Date('2027-02-03T10:00:00+08:00')


/** Syncs `page` until `check` is true (the other device's round may land a moment later). */
async function syncUntil(page: Page, url: string, check: () => Promise<boolean>): Promise<void> {
  await expect
    .poll(async () => {
      await new ShellPage(page, url).syncNow()
      return check()
    }, { timeout: 90_000 })
    .toBe(true)
}

describe('the bill run on two offline devices (issue 12 §3: one charge per account and month counts)', () => {
  const env = withLobby({ serverPerTest: true })

  it('both devices bill January offline and each takes a payment; after sync one charge counts and both payments stand; the manager keeps one of the two', async () => {
    // Device A: the organisation on the server, a manager's account, then an agent who opens an account and starts it.
    const a = await newContext(env.browser, { viewport: tablet })
    await a.clock.setFixedTime(february)
    const pageA = await a.newPage()
    const { auth, managerCode } = await connectedDeskTablet(pageA, env.lobby, { manager })
    await auth.signOut()
    await auth.signIn(admin.username, admin.passphrase)
    await pageA.getByTestId('signed-in-as').waitFor()
    await auth.go('/staff')
    const agentCode = await new StaffAdminPage(pageA).create({ name: agent.name, username: agent.username, role: 'agent' })
    await new ShellPage(pageA, env.lobby.url).syncNow()
    await auth.signOut()
    await auth.signIn(agent.username, agentCode)
    await auth.completeFirstSignIn(agent.passphrase)
    await auth.go('/broadband')
    const deskA = new BroadbandOpsPage(pageA)
    await pageA.getByTestId('broadband-open-link').click()
    await deskA.addSubscriber({ name: '欧阳修', phone: '13900004242' })
    await deskA.fillAgreement(account)
    expect(await deskA.submitOpen()).toEqual({ opened: true })
    await deskA.statusAction('start', '2027-01-01')
    await new ShellPage(pageA, env.lobby.url).syncNow()

    // Device B: the same agent joins with their passphrase and syncs the account.
    const b = await newContext(env.browser, { viewport: tablet })
    await b.clock.setFixedTime(february)
    const pageB = await b.newPage()
    const authB = new AuthPage(pageB, env.lobby.url)
    await authB.join(agent.username, agent.passphrase)
    await pageB.getByTestId('signed-in-as').waitFor({ timeout: 60_000 })
    const deskB = new BroadbandOpsPage(pageB)
    await syncUntil(pageB, env.lobby.url, async () => {
      await authB.go('/broadband')
      return (await deskB.find(account.accountNo)).includes(account.accountNo)
    })

    // The preview before posting: the account's whole January fee.
    await pageA.bringToFront()
    await deskA.tab('bill-run')
    expect(await deskA.previewBillRun('2027-01')).toEqual({ charges: [[account.accountNo, '¥100.00']], allBilled: false })
    await axeEverywhere(pageA, auth, '/broadband/bill-run')

    // Both offline: each runs January's bill and takes a payment of its own.
    await a.setOffline(true)
    await b.setOffline(true)
    for (const [page, desk, receipt] of [[pageA, deskA, 'R-A-0001'], [pageB, deskB, 'R-B-0001']] as const) {
      await page.bringToFront()
      await desk.tab('bill-run')
      expect(await desk.postBillRun('2027-01')).toMatch(/1/)
      // Run again on the same device: nothing left to charge.
      expect(await desk.previewBillRun('2027-01')).toEqual({ charges: [], allBilled: true })
      await desk.openAccount(account.accountNo)
      expect(await desk.pay({ amount: '50', channel: 'counter', receiptNo: receipt })).toHaveProperty('done')
    }
    await a.setOffline(false)
    await b.setOffline(false)

    // Synced: one January charge counts (¥100.00) against both payments (¥50.00 each): nothing owed, both receipts on the ledger.
    await pageB.bringToFront()
    await new ShellPage(pageB, env.lobby.url).syncNow()
    await pageA.bringToFront()
    await syncUntil(pageA, env.lobby.url, async () => {
      await deskA.openAccount(account.accountNo)
      const ledger = await pageA.getByTestId('broadband-ledger').innerText()
      return ledger.includes('R-A-0001') && ledger.includes('R-B-0001')
    })
    expect(await deskA.balance()).toBe('¥0.00')
    // Months charged twice are a manager's: an agent's tabs do not offer them.
    await pageA.getByTestId('broadband-tab-worklist').waitFor()
    expect(await pageA.getByTestId('broadband-tab-duplicates').count()).toBe(0)

    // The manager sees January charged twice on this account; keeping the second resolves it, and the balance stays.
    await auth.signOut()
    await auth.signIn(manager.username, managerCode!)
    await auth.completeFirstSignIn(manager.passphrase)
    await new ShellPage(pageA, env.lobby.url).syncNow()
    await auth.go('/broadband')
    await deskA.tab('duplicates')
    expect(await deskA.duplicates()).toEqual([{ accountNo: account.accountNo, month: '2027-01', charges: 2 }])
    await pageA.screenshot({ path: artifactPath('e2e/broadband-duplicates.png'), fullPage: true })
    await axeEverywhere(pageA, auth, '/broadband/duplicates')
    await deskA.keepCharge(account.accountNo, '2027-01', 1)
    expect(await deskA.duplicates()).toEqual([])
    await deskA.openAccount(account.accountNo)
    expect(await deskA.balance()).toBe('¥0.00')
    await a.close()
    await b.close()
  })
})
