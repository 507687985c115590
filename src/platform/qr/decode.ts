import { createZxingDetector, type QrDetector } from './zxing-detector'

/** Why an image could not be searched for QR codes (finding none is not an error: an empty list). */
export type QrDecodeErrorCode = 'unreadable-image' | 'decoder-unavailable'

export class QrDecodeError extends Error {
  constructor(
    readonly code: QrDecodeErrorCode,
    options?: { cause?: unknown },
  ) {
    super(`QR decode failed: ${code}`, options)
    this.name = 'QrDecodeError'
  }
}

interface NativeDetectorClass {
  new (options: { formats: string[] }): QrDetector
  getSupportedFormats(): Promise<readonly string[]>
}

// Phone photos are 12+ megapixels; a card's QR stays readable well below this, and ZXing gets far faster.
const maxImageSide = 2048
let detector: Promise<QrDetector> | undefined

/**
 * The texts of the QR codes in `source` (a camera frame, an image or a file), in
 * the order found; empty when there is none. Uses the browser's BarcodeDetector
 * when it reads QR codes, otherwise ZXing (loaded on first use). Rejects with
 * `QrDecodeError` when the image cannot be read or no decoder can run.
 */
export async function decodeQr(source: ImageBitmapSource | Blob): Promise<string[]> {
  const qr = await qrDetector()
  const owned = source instanceof Blob ? await blobToBitmap(source) : undefined
  try {
    const found = await qr.detect(owned ?? source)
    return found.map((barcode) => barcode.rawValue).filter((text) => text !== '')
  } catch (e) {
    // Both detectors say NotSupportedError when their service (for ZXing: the wasm) cannot run.
    throw new QrDecodeError(e instanceof DOMException && e.name === 'NotSupportedError' ? 'decoder-unavailable' : 'unreadable-image', { cause: e })
  } finally {
    owned?.close()
  }
}

/** Starts loading the decoder (for ZXing, its glue and wasm) ahead of the first scan, e.g. while the camera starts. */
export function preloadQrDecoder(): void {
  qrDetector().catch(() => {
    // decodeQr reports it when it matters.
  })
}

function qrDetector(): Promise<QrDetector> {
  detector ??= createDetector().catch((e: unknown) => {
    detector = undefined
    throw new QrDecodeError('decoder-unavailable', { cause: e })
  })
  return detector
}

async function createDetector(): Promise<QrDetector> {
  const Native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector
  if (Native) {
    try {
      // Desktop Chrome exposes the API on some systems with no formats at all.
      if ((await Native.getSupportedFormats()).includes('qr_code')) return new Native({ formats: ['qr_code'] })
    } catch {
      // Fall through to ZXing.
    }
  }
  return createZxingDetector()
}

/** The browser decodes the file (any format it shows, EXIF rotation applied), shrunk to a size worth scanning. */
async function blobToBitmap(blob: Blob): Promise<ImageBitmap> {
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(blob)
  } catch (e) {
    throw new QrDecodeError('unreadable-image', { cause: e })
  }
  const side = Math.max(bitmap.width, bitmap.height)
  if (side <= maxImageSide) return bitmap
  const scale = maxImageSide / side
  try {
    const smaller = await createImageBitmap(bitmap, {
      resizeWidth: Math.round(bitmap.width * scale),
      resizeHeight: Math.round(bitmap.height * scale),
      resizeQuality: 'high',
    })
    bitmap.close()
    return smaller
  } catch {
    // Some browsers ignore or refuse resize options: scan the full image, only slower.
    return bitmap
  }
}
