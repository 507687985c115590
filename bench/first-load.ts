/**
 * An app's first-load JavaScript (issue 14: `member_first_load_js_kb`): the JS files a built page loads before anything
 * is clicked, each gzipped at level 9, summed. Written for the member's page (`me/index.html`) and usable for any
 * page of the build (the staff app's `index.html` too): nothing in it is the member app's.
 *
 * The files are the page's entry modules (`<script type="module" src>`), its `modulepreload` links, and every module
 * those import statically (`import … from "./x.js"`), followed to the end; a dynamic `import()` is not followed (it
 * loads when a route or a click asks). `firstLoadWeight` then says what is in those bytes and why: it builds the same
 * app again with source maps and the bundler's module graph (same content, same file names), gives each package or
 * source folder its share (the gzip bytes the files lose without its code) and the chain of static imports from the
 * page's entry that pulls it in, or says it is in a shared chunk without being imported at start.
 */
import { readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, posix, relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js'

export interface FirstLoadFile {
  /** Relative to the build's folder, e.g. `assets/me-….js`. */
  file: string
  bytes: number
  gzipBytes: number
}

export interface FirstLoad {
  page: string
  files: FirstLoadFile[]
  /** The gzip bytes of every file, summed, in KB of 1,024 bytes. */
  gzipKb: number
  bytes: number
}

const gzip = (data: string | Uint8Array) => gzipSync(data, { level: 9 }).length
/** Static imports and re-exports of built ES modules (`import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`); never `import("./x.js")`. */
const staticImport = /\b(?:import|export)\s*(?:[\w$*{},\s]*?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g

/** The JS files `page` (e.g. `me/index.html`) loads before anything is clicked, in the order met. */
export function firstLoadFiles(distDir: string, page: string): string[] {
  const html = readFileSync(join(distDir, page), 'utf8')
  const fromPage = (href: string) => (href.startsWith('/') ? href.slice(1) : posix.join(posix.dirname(page), href))
  const tags = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g), ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)]
  const queue = tags.map((m) => fromPage(m[1]!))
  const seen = new Set<string>()
  while (queue.length) {
    const file = queue.shift()!
    if (seen.has(file)) continue
    seen.add(file)
    const code = readFileSync(join(distDir, file), 'utf8')
    for (const m of code.matchAll(staticImport)) queue.push(posix.join(posix.dirname(file), m[1]!))
  }
  return [...seen]
}

/** `files` of the build (paths under `distDir`), each gzipped at level 9, and their sum. */
export function gzippedFiles(distDir: string, page: string, files: readonly string[]): FirstLoad {
  const sized = files.map((file): FirstLoadFile => {
    const data = readFileSync(join(distDir, file))
    return { file, bytes: data.length, gzipBytes: gzip(data) }
  })
  return {
    page,
    files: sized,
    gzipKb: sized.reduce((n, f) => n + f.gzipBytes, 0) / 1024,
    bytes: sized.reduce((n, f) => n + f.bytes, 0),
  }
}

export function firstLoadJs(distDir: string, page: string): FirstLoad {
  return gzippedFiles(distDir, page, firstLoadFiles(distDir, page))
}

/** A package (`dexie`, `@vue/runtime-core`) or a source folder (`src/sync`), with its share of the first load. */
export interface WeightOwner {
  owner: string
  /** Minified bytes of its code in the first-load files. */
  bytes: number
  /** What the files' gzip sizes lose without its code: its share of the KB. */
  gzipBytes: number
  /** The first-load files it is in. */
  files: string[]
  /** Static imports from the page's entry module to its first module; undefined: not imported at start (it rides in a shared chunk). */
  chain?: string[]
}

export interface FirstLoadWeight {
  /** The analysis build's first-load files are the measured build's (same names, so same content hashes). */
  sameFiles: boolean
  /** Largest share first. */
  owners: WeightOwner[]
  /** How long the analysis build took. */
  seconds: number
}

const ownerOf = (id: string, root: string): string => {
  const n = id.lastIndexOf('/node_modules/')
  if (n >= 0) {
    const [scope, name] = id.slice(n + '/node_modules/'.length).split('/')
    return scope!.startsWith('@') ? `${scope}/${name}` : scope!
  }
  const path = relative(root, id.replace(/\?.*$/, ''))
  return path.startsWith('src/') ? posix.dirname(path) : path
}

/** How a module is named in a chain: its path under the project, or its package. */
const shortName = (id: string, root: string) => (id.includes('/node_modules/') ? ownerOf(id, root) : relative(root, id.replace(/\?.*$/, '')).replace(/^src\//, ''))

/**
 * Builds the app again (the project's vite.config.ts, into a folder of its own) with source maps and the bundler's
 * module graph, and shares the first load of `page` out among packages and source folders. `entry` is the page's
 * entry module (`src/member-app/main.ts`), where the chains start.
 */
export async function firstLoadWeight(measured: FirstLoad, entry: string, root = process.cwd()): Promise<FirstLoadWeight> {
  const t0 = performance.now()
  const { build } = await import('vite')
  const outDir = join(tmpdir(), `lobby-bench-first-load-${process.pid}`)
  const graph = new Map<string, readonly string[]>()
  await build({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, sourcemap: true, emptyOutDir: true },
    plugins: [
      {
        name: 'lobby-bench-module-graph',
        generateBundle() {
          for (const id of this.getModuleIds()) graph.set(id, this.getModuleInfo(id)?.importedIds ?? [])
        },
      },
    ],
  })
  const files = firstLoadFiles(outDir, measured.page)
  const sameFiles = files.length === measured.files.length && files.every((f) => measured.files.some((m) => m.file === f))

  // Static imports only, breadth first from the entry: the shortest chain to each module loaded at start.
  const start = resolve(root, entry)
  const parent = new Map<string, string | undefined>([[start, undefined]])
  const order: string[] = []
  for (const queue = [start]; queue.length; ) {
    const id = queue.shift()!
    order.push(id)
    for (const next of graph.get(id) ?? []) {
      if (parent.has(next)) continue
      parent.set(next, id)
      queue.push(next)
    }
  }
  const chainTo = (id: string) => {
    const chain: string[] = []
    for (let at: string | undefined = id; at !== undefined; at = parent.get(at)) chain.unshift(shortName(at, root))
    // A package's own modules one after another are one step.
    return chain.filter((name, i) => i === 0 || name !== chain[i - 1])
  }

  const owners = new Map<string, WeightOwner>()
  for (const file of files) {
    const code = readFileSync(join(outDir, file), 'utf8')
    const lines = code.split('\n')
    const map = new SourceMapConsumer(JSON.parse(readFileSync(join(outDir, `${file}.map`), 'utf8')) as RawSourceMap)
    // Each mapped stretch of the minified code belongs to the source its mapping names, up to the next mapping.
    const mappings: { line: number; column: number; source: string | null }[] = []
    map.eachMapping((m) => mappings.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source }), null, SourceMapConsumer.GENERATED_ORDER)
    const stretches = new Map<string, { line: number; from: number; to: number }[]>()
    mappings.forEach((m, i) => {
      const next = mappings[i + 1]
      const to = next && next.line === m.line ? next.column : lines[m.line - 1]!.length
      if (to <= m.column || !m.source) return
      const owner = ownerOf(resolve(outDir, posix.dirname(file), m.source), root)
      const list = stretches.get(owner) ?? []
      list.push({ line: m.line, from: m.column, to })
      stretches.set(owner, list)
    })
    const whole = gzip(code)
    for (const [owner, parts] of stretches) {
      // The file without this owner's code (its stretches blanked out of their lines), gzipped again.
      const without = [...lines]
      const byLine = new Map<number, typeof parts>()
      for (const p of parts) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p])
      for (const [line, ps] of byLine) {
        let text = lines[line - 1]!
        for (const p of [...ps].sort((a, b) => b.from - a.from)) text = text.slice(0, p.from) + text.slice(p.to)
        without[line - 1] = text
      }
      const o = owners.get(owner) ?? { owner, bytes: 0, gzipBytes: 0, files: [] }
      o.bytes += parts.reduce((n, p) => n + p.to - p.from, 0)
      o.gzipBytes += whole - gzip(without.join('\n'))
      o.files.push(file)
      owners.set(owner, o)
    }
  }
  for (const o of owners.values()) {
    const first = order.find((id) => ownerOf(id, root) === o.owner)
    if (first) o.chain = chainTo(first)
  }
  rmSync(outDir, { recursive: true, force: true })
  return { sameFiles, owners: [...owners.values()].sort((a, b) => b.gzipBytes - a.gzipBytes), seconds: (performance.now() - t0) / 1000 }
}
