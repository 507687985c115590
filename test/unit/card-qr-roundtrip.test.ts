/**
 * MEM-8: a card's QR text survives being drawn as a QR (the `qrcode` package, as
 * BaseQrCode renders it) and read back by ZXing (the decoder the scanner falls
 * back to), entirely in Node: proof that the card format is scannable.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import QRCode from 'qrcode'
import { beforeAll, describe, expect, it } from 'vitest'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'
import { generateCardKey, signCard, verifyCard } from '@/crypto/card-key'

const require = createRequire(import.meta.url)

/** An RGBA image of `text`'s QR code: black modules on white, `scale` px each, a 4-module quiet zone. */
function qrImage(text: string, scale: number): ImageData {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const quiet = 4
  const side = (modules.size + 2 * quiet) * scale
  const data = new Uint8ClampedArray(side * side * 4).fill(255)
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue
      for (let y = (row + quiet) * scale; y < (row + quiet + 1) * scale; y++) {
        for (let x = (col + quiet) * scale; x < (col + quiet + 1) * scale; x++) {
          const at = (y * side + x) * 4
          data[at] = data[at + 1] = data[at + 2] = 0
        }
      }
    }
  }
  // Node has no ImageData; ZXing reads only these three fields (its README: the type is duck-typed).
  return { data, width: side, height: side } as ImageData
}

beforeAll(async () => {
  // No CDN in tests either: hand ZXing the wasm the app self-hosts.
  const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'))
  await prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) }, fireImmediately: true })
})

describe('MEM-8 card QR round trip', () => {
  it('reads back a signed card from its QR image, and the read text verifies', async () => {
    const key = await generateCardKey()
    const orgId = 'org:Q2x1YkhvdXNlMjAyNg'
    const card = await signCard({ orgId, memberId: 'member:8f3kA-_zQm1RtY0bXw2LcA', serial: 7, epoch: 3 }, key.privateJwk)
    for (const scale of [4, 8]) {
      const results = await readBarcodes(qrImage(card, scale), { formats: ['QRCode'], tryHarder: false })
      expect(results.map((r) => r.text), `scale ${scale}`).toEqual([card])
      expect(await verifyCard(results[0]!.text, (e) => (e === 3 ? key.publicJwk : undefined), orgId)).toEqual({ ok: true, memberId: 'member:8f3kA-_zQm1RtY0bXw2LcA', serial: 7, epoch: 3 })
    }
  })

  it('fits a card in a small QR (at most version 8, 49 × 49 modules, at level M)', async () => {
    const key = await generateCardKey()
    const card = await signCard({ orgId: 'org:x', memberId: `member:${'A'.repeat(22)}`, serial: 123_456, epoch: 999 }, key.privateJwk)
    expect(QRCode.create(card, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(8)
  })
})
