// @vitest-environment node
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cookiePair, createUser, postSession } from './support'
import { startLobbyServer } from '../support/lobby-server'

const tempDirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lobby-data-test-'))
  tempDirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
})

describe('a data directory on disk (LevelDB)', () => {
  it('creates the admin password file with mode 0600 and reuses it on the next start', async () => {
    const dataDir = join(tempDir(), 'data')
    const first = await startLobbyServer({ memory: false, dataDir })
    const file = join(dataDir, 'admin-password')
    try {
      expect(statSync(file).mode & 0o777).toBe(0o600)
      expect(statSync(dataDir).mode & 0o777).toBe(0o700)
      expect(readFileSync(file, 'utf8').trim()).toBe(first.adminPassword)
      expect(first.adminPassword).toMatch(/^L[A-Za-z0-9_-]{32}$/) // 24 random bytes, base64url, never a leading '-'
      const created = await fetch(`${first.url}/db/kept`, { method: 'PUT', headers: { authorization: first.adminAuthorization } })
      expect(created.status).toBe(201)
    } finally {
      await first.stop()
    }

    const second = await startLobbyServer({ memory: false, dataDir })
    try {
      expect(second.adminPassword).toBe(first.adminPassword)
      // Same credentials still work, and the database created before is still there.
      const info = await fetch(`${second.url}/db/kept`, { headers: { authorization: second.adminAuthorization } })
      expect(info.status).toBe(200)
      expect(statSync(file).mode & 0o777).toBe(0o600)
    } finally {
      await second.stop()
    }
  })

  it('keeps every file inside the data directory', async () => {
    const dataDir = join(tempDir(), 'data')
    const lobby = await startLobbyServer({ memory: false, dataDir })
    await lobby.stop()
    expect(readdirSync(dataDir).sort()).toEqual(['admin-password', 'db', 'log.txt', 'session-secret'])
    // _users, the list of databases, and the realms provisioned on start.
    expect(readdirSync(join(dataDir, 'db')).sort()).toEqual([
      '_users', 'lobby_accounts', 'lobby_audit', 'lobby_desk', 'lobby_directory', 'lobby_field', 'lobby_org', 'lobby_public', 'lobby_signin',
      'pouch__all_dbs__',
    ])
  })
})

describe('the session secret', () => {
  it('is kept in <dataDir>/session-secret (0600), so sessions survive a restart', async () => {
    const dataDir = join(tempDir(), 'data')
    const first = await startLobbyServer({ memory: false, dataDir })
    const file = join(dataDir, 'session-secret')
    let cookie: string
    try {
      expect(statSync(file).mode & 0o777).toBe(0o600)
      expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/)
      await createUser(first, 'desk1', 'pw-desk1', ['frontdesk'])
      cookie = cookiePair((await postSession(first.url, 'desk1', 'pw-desk1')).headers.get('set-cookie'))
    } finally {
      await first.stop()
    }
    const secret = readFileSync(file, 'utf8')

    const second = await startLobbyServer({ memory: false, dataDir })
    try {
      const session = await (await fetch(`${second.url}/db/_session`, { headers: { cookie } })).json()
      expect(session.userCtx).toEqual({ name: 'desk1', roles: ['frontdesk'] })
      expect(readFileSync(file, 'utf8')).toBe(secret)
    } finally {
      await second.stop()
    }
  })

  it('is new on every start in memory mode, and written nowhere', async () => {
    const dataDir = join(tempDir(), 'never-created')
    const secretOf = async (lobby: Awaited<ReturnType<typeof startLobbyServer>>) =>
      (await fetch(`${lobby.url}/db/_config/couch_httpd_auth/secret`, { headers: { authorization: lobby.adminAuthorization } })).json()
    const a = await startLobbyServer({ memory: true, dataDir })
    const b = await startLobbyServer({ memory: true, dataDir })
    try {
      const [secretA, secretB] = [await secretOf(a), await secretOf(b)]
      expect(secretA).toMatch(/^[0-9a-f]{64}$/)
      expect(secretB).toMatch(/^[0-9a-f]{64}$/)
      expect(secretA).not.toBe(secretB)
    } finally {
      await Promise.all([a.stop(), b.stop()])
    }
    expect(existsSync(dataDir)).toBe(false)
  })
})

describe('memory mode', () => {
  it('writes no files and makes a new admin password each start', async () => {
    const dataDir = join(tempDir(), 'never-created')
    // express-pouchdb's defaults would put these in the working directory.
    const strayFiles = ['config.json', 'log.txt'].filter((f) => !existsSync(f))
    const a = await startLobbyServer({ memory: true, dataDir })
    const b = await startLobbyServer({ memory: true, dataDir })
    try {
      expect(a.adminPassword).not.toBe(b.adminPassword)
      expect((await fetch(`${a.url}/db/x`, { method: 'PUT', headers: { authorization: a.adminAuthorization } })).status).toBe(201)
    } finally {
      await Promise.all([a.stop(), b.stop()])
    }
    expect(existsSync(dataDir)).toBe(false)
    expect(strayFiles.filter((f) => existsSync(f))).toEqual([])
  })
})
