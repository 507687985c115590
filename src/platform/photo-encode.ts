/**
 * The pixels of compressing a photo: decode, scale, encode as JPEG. Runs in the photo worker
 * (photo-compress.worker.ts) where OffscreenCanvas exists, on the page otherwise; compressPhoto picks.
 */
import { nextQuality, targetSize } from '@/core/service/job-photo'
import { checkPhotoOptions, inputProblem, sniffBytes, sniffImage, type PhotoOptions, type PhotoProblem, type PhotoResult } from './photo-size'

type AnyCanvas = OffscreenCanvas | HTMLCanvasElement
type Context2d = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D

/** An expected refusal on the way: caught once in encodePhoto and turned into a result. */
class Refused extends Error {
  constructor(readonly problem: PhotoProblem) {
    super(problem)
  }
}

async function decode(file: Blob): Promise<ImageBitmap> {
  try {
    // 'from-image': the camera's EXIF rotation is applied to the pixels; the bitmap carries no EXIF (GPS included)
    // on to the JPEG we encode.
    return await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch (e) {
    // InvalidStateError / EncodingError: the bytes are not a picture this browser reads (a HEIC on Chromium, a broken
    // file). Anything else (a RangeError, an allocation failure) is the device running out of room.
    const undecodable = e instanceof DOMException && (e.name === 'InvalidStateError' || e.name === 'EncodingError')
    throw new Refused(undecodable ? 'not-an-image' : 'no-memory')
  }
}

function canvasOf(width: number, height: number): AnyCanvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height)
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  return canvas
}

function jpeg(canvas: AnyCanvas, quality: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/jpeg', quality })
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Refused('no-memory'))), 'image/jpeg', quality))
}

/** `bitmap` drawn at `width` × `height` on white (a PNG's transparent parts would turn black in a JPEG); the bitmap is closed. */
function draw(bitmap: ImageBitmap, width: number, height: number): AnyCanvas {
  try {
    const canvas = canvasOf(width, height)
    const ctx = canvas.getContext('2d', { alpha: false }) as Context2d | null
    if (!ctx) throw new Refused('no-memory')
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, width, height)
    ctx.imageSmoothingEnabled = true
    ctx.imageSmoothingQuality = 'high'
    ctx.drawImage(bitmap, 0, 0, width, height)
    return canvas
  } finally {
    // The full-size decode is the biggest thing in memory (48 MB for 12 megapixels): gone before any encoding.
    bitmap.close()
  }
}

/** Each quality in turn (core's `nextQuality`) until the photo is small enough, or the last quality was tried. */
async function encode(canvas: AnyCanvas, options: PhotoOptions): Promise<{ blob: Blob; quality: number }> {
  const steps = { qualities: options.qualities, maxBytes: options.targetBytes }
  for (let quality = options.qualities[0]!; ; ) {
    const blob = await jpeg(canvas, quality)
    const next = nextQuality(quality, blob.size, steps)
    if (next === null) return { blob, quality }
    quality = next
  }
}

/**
 * A picked photo compressed as `options` say (see compressPhoto, which is what callers use). The original is read,
 * never kept: the decoded bitmap is closed once drawn, and the canvas is emptied once encoded.
 */
export async function encodePhoto(file: Blob, options: PhotoOptions): Promise<PhotoResult> {
  checkPhotoOptions(options)
  const bytes = file.size
  const early = inputProblem(bytes, options.maxInputBytes)
  if (early) return { ok: false, problem: early, bytes }
  let canvas: AnyCanvas | undefined
  try {
    if (!sniffImage(new Uint8Array(await file.slice(0, sniffBytes).arrayBuffer()))) throw new Refused('not-an-image')
    const bitmap = await decode(file)
    const { width, height } = targetSize(bitmap.width, bitmap.height, options.maxSide)
    canvas = draw(bitmap, width, height)
    const { blob, quality } = await encode(canvas, options)
    return { ok: true, blob, width, height, quality }
  } catch (e) {
    return { ok: false, problem: e instanceof Refused ? e.problem : 'no-memory', bytes }
  } finally {
    // Frees the canvas's backing store now rather than at the next GC.
    if (canvas) canvas.width = canvas.height = 0
  }
}
