import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminGet, anonymous, signedInUser, type SignedIn } from './provision-support'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'

let lobby: RunningLobbyServer
let desk1: SignedIn
let boss: SignedIn
let admin1: SignedIn
beforeAll(async () => {
  lobby = await startLobbyServer()
  desk1 = await signedInUser(lobby, 'desk1', ['frontdesk'])
  boss = await signedInUser(lobby, 'boss', ['manager'])
  admin1 = await signedInUser(lobby, 'admin1', ['admin'])
})
afterAll(() => lobby?.stop())

// Issue 9 §4: clear, non-personal settings every staff role reads; managers and admins write them.
const settings = {
  _id: 'org-settings',
  type: 'org-settings',
  name: { 'zh-CN': '大堂', en: 'Lobby' },
  timeZone: 'Asia/Shanghai',
  hours: { '1': { opens: '09:00', closes: '21:00' } },
  holidays: [{ date: '2027-10-01', name: '国庆节' }],
  idleLockSeconds: { frontdesk: 120, personal: 300 },
  agreement: { version: 1, 'zh-CN': '保密', en: 'Keep it secret.' },
}

describe('organisation settings in lobby_public', () => {
  it('a front desk user cannot write them; a manager can, and anyone reads them before signing in', async () => {
    expect((await desk1.call('PUT', 'lobby_public/org-settings', settings)).status).toBe(403)
    expect((await boss.call('PUT', 'lobby_public/org-settings', settings)).status).toBe(201)
    const read = await anonymous(lobby, 'GET', 'lobby_public/org-settings')
    expect([read.status, ((await read.json()) as { timeZone: string }).timeZone]).toEqual([200, 'Asia/Shanghai'])
  })

  it('CONF-8: a front desk user cannot change the agreement text or version; a manager and an admin can', async () => {
    const { _rev } = (await adminGet(lobby, 'lobby_public/org-settings')).body
    const v2 = { ...settings, _rev, agreement: { version: 2, 'zh-CN': '新', en: 'New.' } }
    expect((await desk1.call('PUT', 'lobby_public/org-settings', v2)).status).toBe(403)
    expect((await desk1.call('DELETE', `lobby_public/org-settings?rev=${_rev}`)).status).toBe(403)
    const saved = await boss.call('PUT', 'lobby_public/org-settings', v2)
    expect(saved.status).toBe(201)
    const { rev } = (await saved.json()) as { rev: string }
    expect((await admin1.call('PUT', 'lobby_public/org-settings', { ...v2, _rev: rev, timeZone: 'Europe/Berlin' })).status).toBe(201)
  })

  it('refuses settings without their fields, or under another id', async () => {
    const { timeZone: _zone, ...noZone } = settings
    expect((await boss.call('PUT', 'lobby_public/org-settings-2', { ...settings, _id: 'org-settings-2' })).status).toBe(403)
    const { _rev } = (await adminGet(lobby, 'lobby_public/org-settings')).body
    expect((await boss.call('PUT', 'lobby_public/org-settings', { ...noZone, _rev })).status).toBe(403)
    expect((await boss.call('PUT', 'lobby_public/org-settings', { ...settings, _rev, agreement: 'Keep it secret.' })).status).toBe(403)
  })

  it('a manager still cannot write the organisation document itself (admins only)', async () => {
    expect((await boss.call('PUT', 'lobby_public/org', { _id: 'org', type: 'org', orgId: 'o', auditPublicJwk: {} })).status).toBe(403)
  })
})
