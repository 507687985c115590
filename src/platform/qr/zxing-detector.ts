/**
 * The fallback QR reader: barcode-detector's ponyfill over ZXing, with its wasm
 * served from our own origin. Its default fetches the wasm from jsDelivr, which a
 * desk without network cannot reach; the build emits the file as a hashed asset
 * and the service worker precaches it, so scanning works offline.
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url'

/** What decode.ts needs of a detector, native or not. */
export interface QrDetector {
  detect(image: ImageBitmapSource): Promise<{ rawValue: string }[]>
}

/** A ZXing-backed detector for QR codes; the glue (and, on first detect, the ~1 MB wasm) loads only now. */
export async function createZxingDetector(): Promise<QrDetector> {
  const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill')
  // Before the constructor: it starts instantiating the module with whatever overrides are set.
  // (Typed by hand: the overrides' type comes from @types/emscripten, which tsconfig's `types` leaves out.)
  prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) } })
  return new BarcodeDetector({ formats: ['qr_code'] })
}
