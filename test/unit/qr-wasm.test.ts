/**
 * The scanner's fallback decoder (barcode-detector's bundled ZXing glue) loads the
 * wasm we self-host from zxing-wasm's package. Glue and binary must be the same
 * build, or decoding breaks in the field; this catches an upgrade of one without the other.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { ZXING_WASM_SHA256 } from 'barcode-detector/ponyfill'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)

describe('self-hosted ZXing wasm', () => {
  it('is the exact reader binary barcode-detector was built against', () => {
    const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'))
    expect(createHash('sha256').update(wasm).digest('hex')).toBe(ZXING_WASM_SHA256)
  })
})
