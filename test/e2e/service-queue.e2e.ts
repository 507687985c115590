import { describe, expect, it } from 'vitest'
import { artifactPath } from '../support/artifacts'
import { AuthPage } from './pages/auth.page'
import { ServiceIntakePage } from './pages/service-intake.page'
import { ServiceQueuePage } from './pages/service-queue.page'
import { ServiceRequestPage } from './pages/service-request.page'
import { StaffAdminPage } from './pages/staff.page'
import { axeEverywhere } from './support/axe-everywhere'
import { newContext, tablet } from './support/chromium'
import { withLobby } from './support/fixture'
import { admin } from './support/org-setup'

const agent = { name: '孙客服', username: 'sun.agent', passphrase: 'the customer is on the line' }
const lead = { name: '刘组长', username: 'liu.lead', passphrase: 'sixty minutes to dispatch' }
const technician = { name: '张师傅', username: 'zhang.tech', role: 'technician' }
const customer = { name: '陈用户', phone: '13811112222', address: '港湾路 3 号地下室' }
// A Wednesday morning in Shanghai: the complaint comes in at 10:00.
const called = new Date('2027-03-10T10:00:00+08:00')
const minute = 60_000

describe('SVC-1, SVC-2: a complaint on the dispatch queue', () => {
  const env = withLobby({ serverPerTest: true })

  it('an agent takes a complaint; the lead sees its time left; 61 minutes on it is overdue; dispatching clears that; axe clean', { timeout: 300_000 }, async () => {
    const context = await newContext(env.browser, { viewport: tablet })
    await context.clock.setFixedTime(called)
    const page = await context.newPage()
    const auth = new AuthPage(page, env.lobby.url)

    // The admin creates the technician first (their realm key is then handed to the lead at creation), the agent, the lead.
    await auth.createOrganisation(admin)
    await auth.go('/staff')
    const staff = new StaffAdminPage(page)
    await staff.create(technician)
    const agentCode = await staff.create({ name: agent.name, username: agent.username, role: 'agent' })
    const leadCode = await staff.create({ name: lead.name, username: lead.username, role: 'lead' })
    await auth.signOut()

    // The agent: bad input first (no customer, no fault, no kind): said at each field, nothing typed lost.
    await auth.signIn(agent.username, agentCode)
    await auth.completeFirstSignIn(agent.passphrase)
    await auth.go('/service/new')
    const intake = new ServiceIntakePage(page)
    await intake.waitFor()
    await axeEverywhere(page, auth, '/service/new')
    await intake.fill({ product: '路由器', model: 'AX3000' })
    expect(await intake.submit()).toEqual({ taken: false, problems: ['请选择客户，或登记新客户。', '请填写本次联系电话。', '请填写服务地址。', '请描述故障或需求。', '请选择服务类型。'] })
    expect(await page.getByTestId('service-model').inputValue()).toBe('AX3000')

    await intake.registerCustomer(customer)
    await intake.fill({ fault: '地下室没有信号，已经两天了', kind: 'c', complaint: true })
    const taken = await intake.submit()
    expect(taken).toMatchObject({ taken: true })
    const requestPath = taken.taken ? taken.path : ''
    await auth.signOut()

    // The lead: the complaint waits with its 60 minutes; axe on the queue.
    await auth.signIn(lead.username, leadCode)
    await auth.completeFirstSignIn(lead.passphrase)
    await auth.go('/service/queue')
    const queue = new ServiceQueuePage(page)
    await queue.waitFor()
    await expect.poll(() => queue.entries('waiting')).toEqual([{ customer: '陈**', clock: '距派工时限还剩 60 分钟', overdue: false }])
    await axeEverywhere(page, auth, '/service/queue')

    // 61 minutes later (the tablet locked meanwhile): overdue, in words, standing out.
    await auth.idleUntil(context.clock, new Date(called.getTime() + 61 * minute), lead.passphrase)
    await queue.waitFor()
    await expect.poll(() => queue.entries('waiting')).toEqual([{ customer: '陈**', clock: '!\n已超时：超过 60 分钟时限 1 分钟', overdue: true }])
    await page.screenshot({ path: artifactPath('e2e/service-queue-overdue.png'), fullPage: true })

    // Dispatching clears it: the job goes out, marked late; nothing waits.
    expect(await queue.dispatch(queue.row('陈**'), technician.name)).toEqual({ done: `已派给 ${technician.name}。` })
    await expect.poll(() => queue.entries('waiting')).toEqual([])
    expect(await queue.entries('dispatched')).toEqual([{ customer: '陈**', clock: '!\n派工超时', overdue: false, technician: `11:01 起由 ${technician.name} 处理` }])

    // The day board: the technician's job, dispatched.
    await queue.openBoard()
    await expect.poll(() => queue.board()).toEqual([{ technician: technician.name, jobs: ['dispatched'] }])
    await axeEverywhere(page, auth, '/service/board')

    // The request page: with the technician, its history; axe.
    await page.getByTestId('service-board-job').getByRole('link').click()
    await page.waitForURL((u) => u.pathname === requestPath)
    const request = new ServiceRequestPage(page)
    await request.waitFor()
    expect(await request.status()).toBe('技术员处理中')
    expect(await request.technician()).toBe(technician.name)
    expect(await request.history()).toEqual([expect.stringContaining(`${agent.name} 受理`), expect.stringContaining(`${lead.name} 派给 ${technician.name}`)])
    await axeEverywhere(page, auth, '/service/requests/:id')
    await context.close()
  })
})
