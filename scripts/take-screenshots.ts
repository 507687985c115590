/**
 * Takes the README's and the install dialog's screenshots from the real built app on the embedded
 * server (in memory), walking a first hour in zh-CN through the E2E page objects: founding, a
 * member's card, an admitted check-in, the phone members list, the audit log as a manager.
 * Run with `npm run screenshots` (builds first).
 */
import { writeFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { AuthPage } from '../test/e2e/pages/auth.page'
import { CheckinPage } from '../test/e2e/pages/checkin.page'
import { MembersPage } from '../test/e2e/pages/members.page'
import { launch, newContext, phone, tablet } from '../test/e2e/support/chromium'
import { admin, manager, orgWithStaff } from '../test/e2e/support/org-setup'
import { distDir } from '../test/e2e/support/paths'
import { startLobbyServer } from '../test/support/lobby-server'

// Monday 19:30 in Asia/Shanghai: inside the hours ordinary members may come, so the check-in admits.
const mondayEvening = new Date('2026-11-30T19:30:00+08:00')
// Invented people, demo-style: never real data in a picture.
const members = [
  { name: '欧阳娜娜', phone: '13700001111', idNumber: '110101199001011237' },
  { name: '司马光明', phone: '13698765432' },
  { name: '上官婉儿', phone: '13512345678' },
]

async function shoot(page: Page, path: string): Promise<void> {
  await dismissNotices(page)
  await writeFile(new URL(`../${path}`, import.meta.url), await page.screenshot())
  const { width, height } = page.viewportSize()!
  console.log(`${path} ${width}×${height}`)
}

/** One-off notices (offline ready, install offer) are not part of the app's usual look. */
async function dismissNotices(page: Page): Promise<void> {
  for (const button of [page.getByTestId('offline-ready').getByRole('button'), page.getByTestId('install-dismiss')]) {
    if (await button.isVisible()) await button.click()
  }
}

const lobby = await startLobbyServer({ distDir })
const browser = await launch()
try {
  const context = await newContext(browser, { viewport: tablet, deviceScaleFactor: 1 })
  await context.clock.setFixedTime(mondayEvening)
  const page = await context.newPage()
  const auth = new AuthPage(page, lobby.url)

  // Setup: the founding form, filled in as the admin would (the page object fills it the same way again).
  await auth.open('/')
  await auth.waitForServiceWorkerControl()
  await auth.open('/')
  await page.getByTestId('create-org').waitFor()
  await page.getByTestId('org-name-zh').fill('星河会所')
  await page.getByTestId('org-name-en').fill('Galaxy Club')
  await page.getByTestId('org-admin-name').fill(admin.name)
  await page.getByTestId('org-username').fill(admin.username)
  await page.getByTestId('org-passphrase').fill(admin.passphrase)
  await page.getByTestId('org-passphrase-confirm').fill(admin.passphrase)
  // Filling scrolled to the last field: show the form from its names down, with nothing focused.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.getByTestId('org-name-zh').evaluate((el) => el.closest('label, div')?.scrollIntoView({ block: 'start' }))
  await shoot(page, 'docs/screenshots/setup.png')

  const { managerCode } = await orgWithStaff(page, lobby.url, { manager: true })

  // Enrol the members at the desk; the first one's card, with its QR drawn.
  const desk = new MembersPage(page)
  const numbers: string[] = []
  for (const [i, person] of members.entries()) {
    await auth.go('/members')
    await desk.enrolNewPerson(person, { tier: 'ordinary', term: i === 2 ? 'year' : 'month', method: 'cash', receiptNo: `R-00${i + 1}` })
    numbers.push((await desk.summary()).memberNo)
    if (i === 0) {
      await desk.cardQr()
      await page.getByTestId('member-card').evaluate((el) => el.scrollIntoView({ block: 'center' }))
      await shoot(page, 'docs/screenshots/member-card.png')
    }
  }

  // Check-in: the first member admitted.
  await auth.go('/checkin')
  const checkin = new CheckinPage(page)
  const { verdict } = await checkin.scanText(numbers[0]!)
  if (verdict !== 'admit') throw new Error(`the check-in said ${verdict}, not admit`)
  await shoot(page, 'docs/screenshots/checkin.png')
  await writeFile(new URL('../public/screenshots/home-wide.png', import.meta.url), await page.screenshot())
  console.log('public/screenshots/home-wide.png (the check-in page)')
  await checkin.dismiss()

  // The members list on a phone: cards, a one-row header.
  await page.setViewportSize(phone)
  await auth.go('/members')
  await desk.memberNumbers()
  await shoot(page, 'docs/screenshots/members-phone.png')
  await writeFile(new URL('../public/screenshots/home-narrow.png', import.meta.url), await page.screenshot())
  console.log('public/screenshots/home-narrow.png (the phone members list)')

  // The audit log, as the manager.
  await page.setViewportSize(tablet)
  await auth.signOut()
  await auth.signIn(manager.username, managerCode!)
  await auth.completeFirstSignIn(manager.passphrase)
  await auth.go('/audit')
  await page.getByTestId('audit-table').locator('tbody tr').first().waitFor()
  await shoot(page, 'docs/screenshots/audit.png')
  await context.close()
} finally {
  await browser.close()
  await lobby.stop()
}
