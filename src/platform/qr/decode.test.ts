import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const zxing = vi.hoisted(() => ({ detect: vi.fn(), create: vi.fn() }))
vi.mock('./zxing-detector', () => ({ createZxingDetector: zxing.create }))

/** A fresh decode.ts: it caches its detector for the page's lifetime. */
async function freshDecode() {
  vi.resetModules()
  return import('./decode')
}

function nativeDetector(formats: string[], detect = vi.fn(async () => [{ rawValue: 'native' }])) {
  const Native = vi.fn(function (this: { detect: typeof detect }) {
    this.detect = detect
  }) as unknown as { getSupportedFormats: () => Promise<string[]> }
  Native.getSupportedFormats = async () => formats
  vi.stubGlobal('BarcodeDetector', Native)
  return { Native, detect }
}

const frame = {} as ImageBitmapSource

beforeEach(() => {
  zxing.detect.mockResolvedValue([{ rawValue: 'zxing' }])
  zxing.create.mockResolvedValue({ detect: zxing.detect })
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.clearAllMocks()
})

describe('decodeQr', () => {
  it("uses the browser's detector when it reads QR codes", async () => {
    const { Native } = nativeDetector(['ean_13', 'qr_code'])
    const { decodeQr } = await freshDecode()
    expect(await decodeQr(frame)).toEqual(['native'])
    expect(Native).toHaveBeenCalledWith({ formats: ['qr_code'] })
    expect(zxing.create).not.toHaveBeenCalled()
  })

  it('falls back to ZXing without the API, or when the API reads no QR codes', async () => {
    for (const formats of [undefined, []]) {
      if (formats) nativeDetector(formats)
      const { decodeQr } = await freshDecode()
      expect(await decodeQr(frame)).toEqual(['zxing'])
    }
    expect(zxing.create).toHaveBeenCalledTimes(2)
  })

  it('creates the detector once for many frames', async () => {
    const { decodeQr } = await freshDecode()
    await Promise.all([decodeQr(frame), decodeQr(frame), decodeQr(frame)])
    expect(zxing.create).toHaveBeenCalledTimes(1)
    expect(zxing.detect).toHaveBeenCalledTimes(3)
  })

  it('returns an empty list for an image without a QR code', async () => {
    zxing.detect.mockResolvedValue([])
    const { decodeQr } = await freshDecode()
    expect(await decodeQr(frame)).toEqual([])
  })

  it('says decoder-unavailable when ZXing cannot load, and tries again on the next scan', async () => {
    zxing.create.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    const { decodeQr, QrDecodeError } = await freshDecode()
    await expect(decodeQr(frame)).rejects.toEqual(new QrDecodeError('decoder-unavailable'))
    expect(await decodeQr(frame)).toEqual(['zxing'])
  })

  it('says decoder-unavailable when the wasm fails at detect time', async () => {
    zxing.detect.mockRejectedValue(new DOMException('Barcode detection service unavailable.', 'NotSupportedError'))
    const { decodeQr } = await freshDecode()
    await expect(decodeQr(frame)).rejects.toMatchObject({ code: 'decoder-unavailable' })
  })

  it('decodes a file through an image bitmap, and says unreadable-image for a file that is no image', async () => {
    const close = vi.fn()
    const createImageBitmap = vi.fn(async (blob: Blob) => {
      if (blob.type !== 'image/png') throw new DOMException('The source image could not be decoded.', 'InvalidStateError')
      return { width: 800, height: 600, close }
    })
    vi.stubGlobal('createImageBitmap', createImageBitmap)
    const { decodeQr } = await freshDecode()
    expect(await decodeQr(new Blob(['png'], { type: 'image/png' }))).toEqual(['zxing'])
    expect(zxing.detect).toHaveBeenCalledWith(expect.objectContaining({ width: 800, height: 600 }))
    expect(close).toHaveBeenCalled()
    await expect(decodeQr(new Blob(['%PDF'], { type: 'application/pdf' }))).rejects.toMatchObject({ code: 'unreadable-image' })
  })

  it('shrinks a large photo before decoding it', async () => {
    const createImageBitmap = vi.fn(async (_source: unknown, options?: { resizeWidth: number; resizeHeight: number }) => ({
      width: options?.resizeWidth ?? 4032,
      height: options?.resizeHeight ?? 3024,
      close: vi.fn(),
    }))
    vi.stubGlobal('createImageBitmap', createImageBitmap)
    const { decodeQr } = await freshDecode()
    await decodeQr(new Blob(['jpeg'], { type: 'image/jpeg' }))
    expect(zxing.detect).toHaveBeenCalledWith(expect.objectContaining({ width: 2048, height: 1536 }))
  })
})
