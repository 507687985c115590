// @vitest-environment node
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { parseCliOptions } from '../../server/cli-options.js'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

interface Started {
  child: ChildProcess
  url: string
  output: () => string
  exited: Promise<number | null>
}

/** Spawns `node server/start.js …` and resolves once it prints its URL. */
function startCli(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, ['server/start.js', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /^Lobby ready at (\S+)$/m.exec(output)
      if (match) resolve({ child, url: match[1]!, output: () => output, exited })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString() })
    exited.then((code) => reject(new Error(`exited with ${code} before ready:\n${output}`)))
  })
}

describe('node server/start.js', () => {
  it('starts on a free port, answers /healthz and stops cleanly on SIGTERM', async () => {
    const lobby = await startCli(['--port', '0', '--memory'])
    expect(lobby.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(lobby.url).not.toMatch(/:0\/$/)
    expect(lobby.output().match(/Lobby ready at/g)).toHaveLength(1)
    // Memory mode has no password file, and the password itself is never printed.
    expect(lobby.output()).not.toMatch(/admin-password|Admin password/)

    const health = await fetch(`${lobby.url}healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ ok: true })

    lobby.child.kill('SIGTERM')
    expect(await lobby.exited).toBe(0)
    expect(lobby.output()).toContain('Lobby stopped')
  })

  it('with a data directory: points to the password file, and an open long-poll feed does not stall shutdown', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lobby-cli-data-'))
    try {
      const lobby = await startCli(['--port', '0', '--data', dataDir])
      const passwordFile = join(dataDir, 'admin-password')
      const password = readFileSync(passwordFile, 'utf8').trim()
      expect(lobby.output()).toContain(passwordFile)
      expect(lobby.output()).not.toContain(password)

      const auth = { authorization: `Basic ${Buffer.from(`admin:${password}`).toString('base64')}` }
      expect((await fetch(`${lobby.url}db/realm`, { method: 'PUT', headers: auth })).status).toBe(201)
      // Headers received, body held open until a change comes: only shutdown can end it.
      const feed = await fetch(`${lobby.url}db/realm/_changes?feed=longpoll&since=now`, { headers: auth })
      expect(feed.status).toBe(200)
      const feedBody = feed.text().catch(() => 'cut short')

      // LevelDB allows one process per database: a second server says so and exits.
      await expect(startCli(['--port', '0', '--data', dataDir])).rejects.toThrow(/exited with 1[\s\S]*another Lobby server/)

      lobby.child.kill('SIGTERM')
      expect(await lobby.exited).toBe(0)
      expect(lobby.output()).toContain('Lobby stopped')
      expect(await feedBody).not.toContain('last_seq')
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('exits with usage on an unknown option', async () => {
    await expect(startCli(['--no-such-option'])).rejects.toThrow(/exited with 2[\s\S]*Usage/)
  })
})

describe('start.js options', () => {
  it('has loopback defaults', () => {
    expect(parseCliOptions([], {})).toEqual({
      port: 5480, host: '127.0.0.1', lan: false, dataDir: './.lobby-data', memory: false,
      corsOrigins: [], httpsCert: undefined, httpsKey: undefined, help: false,
    })
  })

  it('reads the environment, and arguments win over it', () => {
    const env = { LOBBY_PORT: '6000', LOBBY_HOST: '::1', LOBBY_DATA: '/srv/lobby', LOBBY_CORS_ORIGINS: 'https://a.example, https://b.example' }
    expect(parseCliOptions([], env)).toMatchObject({
      port: 6000, host: '::1', dataDir: '/srv/lobby', corsOrigins: ['https://a.example', 'https://b.example'],
    })
    expect(parseCliOptions(['--port=0', '--host', '10.0.0.5', '--data', 'x', '--cors=https://c.example'], env)).toMatchObject({
      port: 0, host: '10.0.0.5', dataDir: 'x', corsOrigins: ['https://c.example'],
    })
  })

  it('listens everywhere with --lan', () => {
    expect(parseCliOptions(['--lan'], {})).toMatchObject({ lan: true, host: '0.0.0.0' })
    expect(() => parseCliOptions(['--lan', '--host', '10.0.0.5'], {})).toThrow(/--lan/)
  })

  it('refuses bad values', () => {
    expect(() => parseCliOptions(['--port', 'http'], {})).toThrow(/port/)
    expect(() => parseCliOptions(['--port', '70000'], {})).toThrow(/port/)
    expect(() => parseCliOptions(['--https-cert', 'cert.pem'], {})).toThrow(/--https-key/)
  })
})
