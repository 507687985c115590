import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PeoplePage } from './pages/people.page'
import { launchPersistent } from './support/chromium'
import { startLobbyServer, type RunningLobbyServer } from '../support/lobby-server'
import { dumpOriginStorage, filesContaining } from './support/origin-storage'
import { orgWithStaff } from './support/org-setup'
import { distDir } from './support/paths'

const person = { name: '欧阳娜娜', phone: '13912345678', idNumber: '110101199003074573' }
const control = 'CONTROL-欧阳-13700001111'

describe('CONF-1: nothing about a person is stored in clear on the device', () => {
  let lobby: RunningLobbyServer
  let profile: string
  let context: BrowserContext

  beforeAll(async () => {
    lobby = await startLobbyServer({ distDir })
    profile = await mkdtemp(join(tmpdir(), 'lobby-profile-'))
    context = await launchPersistent(profile)
  })
  afterAll(async () => {
    await context?.close().catch(() => {})
    await lobby?.stop()
    await rm(profile, { recursive: true, force: true })
  })

  it('a front-desk user registers a person; no byte the origin stores holds their name, phone or ID number', async () => {
    const page = context.pages()[0] ?? (await context.newPage())
    const { auth } = await orgWithStaff(page, lobby.url)
    await auth.go('/people')
    const people = new PeoplePage(page)
    await people.register(person)
    // The person is really there: found by phone through the blind index, shown masked.
    expect(await people.findByPhone('139 1234 5678')).toEqual(['欧阳**'])

    // The check must be able to see plaintext: plant a control value in IndexedDB and localStorage.
    await page.evaluate(async (value) => {
      localStorage.setItem('control', value)
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('control-db')
        req.onupgradeneeded = () => req.result.createObjectStore('s')
        req.onsuccess = () => {
          const tx = req.result.transaction('s', 'readwrite')
          tx.objectStore('s').put({ note: value }, 'k')
          tx.oncomplete = () => resolve()
          tx.onerror = () => reject(tx.error)
        }
      })
    }, control)

    const dump = await dumpOriginStorage(page)
    expect(dump).toContain(control)
    expect(dump).toContain('[idb lobby/records]')
    for (const secret of Object.values(person)) expect(dump, secret).not.toContain(secret)

    // And on disk, byte for byte, once the browser has written everything out.
    await context.close()
    expect((await filesContaining(profile, control)).length).toBeGreaterThan(0)
    for (const secret of Object.values(person)) expect(await filesContaining(profile, secret), secret).toEqual([])
  })
})
