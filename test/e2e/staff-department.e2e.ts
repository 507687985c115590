/** REC-1: the admin sets a host's department on the staff screen; the reception desk finds the host by it. */
import { describe, expect, it } from 'vitest'
import { artifactPath } from '../support/artifacts'
import { AuthPage } from './pages/auth.page'
import { ReceptionPage } from './pages/reception.page'
import { ShellPage } from './pages/shell.page'
import { StaffAdminPage } from './pages/staff.page'
import { axeViolations } from './support/axe'
import { newContext, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin, desk, manager } from './support/org-setup'

const teacher = { name: '陈老师', username: 'chen.teacher', role: 'lead', department: '人力资源部' }

describe('a host’s department, set where staff are edited (REC-1)', () => {
  const env = withLobby()

  it('REC-1: the admin gives one colleague a department at creation and another later; the desk’s host picker finds each by it', async () => {
    const context = await newContext(env.browser, { viewport: tablet })
    const page = await context.newPage()
    const auth = new AuthPage(page, env.lobby.url)
    await auth.createOrganisation(admin)
    await auth.go('/staff')
    const staff = new StaffAdminPage(page)
    const deskCode = await staff.create({ ...desk, role: 'frontdesk' })
    await staff.create({ ...manager, role: 'manager' })
    await staff.create(teacher)
    expect(await staff.department(teacher.name)).toBe(teacher.department)
    expect(await staff.department(manager.name)).toBe('—')

    // Too long is refused in place, and nothing changes.
    await page.getByTestId('staff-table').locator('tbody tr').filter({ hasText: manager.name }).getByTestId('staff-department-edit').click()
    await page.getByTestId('staff-department-input').fill('部'.repeat(61))
    await page.getByTestId('staff-department-save').click()
    await page.getByTestId('staff-department-form').getByRole('alert').waitFor()
    expect(await page.getByTestId('staff-department-form').getByRole('alert').textContent()).toContain('60')
    await page.getByTestId('staff-department-form').getByRole('button', { name: '取消' }).click()

    await staff.setDepartment(manager.name, '教务处')
    expect(await staff.department(manager.name)).toBe('教务处')
    const shell = new ShellPage(page, env.lobby.url)
    for (const locale of ['en', 'zh-CN'] as const) {
      await shell.switchLanguage(locale)
      await page.getByTestId('staff-table').waitFor()
      expect(await axeViolations(page), `staff ${locale}`).toEqual([])
      await page.screenshot({ path: artifactPath(`screenshots/staff-department-${locale}.png`), fullPage: true })
    }

    // The desk, signed in on this tablet, searches hosts by department.
    await auth.signOut()
    await auth.signIn(desk.username, deskCode)
    await auth.completeFirstSignIn(desk.passphrase)
    await auth.go('/reception')
    await new ReceptionPage(page).lookUp('13812345678')
    const hosts = () => page.getByTestId('host-picker').locator('label.choice').allTextContents()
    await page.getByTestId('host-search').fill('教务')
    await expect.poll(hosts).toEqual([expect.stringContaining(manager.name)])
    expect((await hosts())[0]).toContain('教务处')
    await page.getByTestId('host-search').fill('人力')
    await expect.poll(hosts).toEqual([expect.stringContaining(teacher.name)])
    await context.close()
  })
})
