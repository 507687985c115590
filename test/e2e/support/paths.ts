import { fileURLToPath } from 'node:url'

/** Where end-to-end builds live: the app as shipped, and a "next version" for the update test. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
export const distDir = `${repoRoot}dist`
export const nextDistDir = `${repoRoot}.e2e/dist-next`
export const nextVersionSuffix = '-next'
