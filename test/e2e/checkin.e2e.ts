import { describe, expect, it } from 'vitest'
import { CheckinPage } from './pages/checkin.page'
import { newContext } from './support/chromium'
import { withLobby } from './support/fixture'
import { orgWithStaff } from './support/org-setup'

describe('check-in at the desk (MEM-3, MEM-8) on a tablet', () => {
  const env = withLobby({ serverPerTest: true })

  it('refuses an unknown member number in words', async () => {
    const context = await newContext(env.browser)
    const page = await context.newPage()
    const { auth } = await orgWithStaff(page, env.lobby.url)
    await auth.go('/desk')
    const desk = new CheckinPage(page)
    const verdict = await desk.scanText('M0000000')
    expect(verdict.verdict).toBe('unknown-card')
    await page.screenshot({ path: '/tmp/checkin-refused.png' })
    await desk.dismiss()
    await page.screenshot({ path: '/tmp/checkin.png' })
    await context.close()
  })
})
