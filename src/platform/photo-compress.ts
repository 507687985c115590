/**
 * Issue 15 §4: a photo taken in the app, compressed on the phone before it is sealed and stored (never in the
 * service worker's cache: nothing here fetches or caches). The work runs in a Worker where OffscreenCanvas exists,
 * so a 12-megapixel decode does not freeze the page; on the page otherwise.
 */
import { encodePhoto } from './photo-encode'
import { checkPhotoOptions, inputProblem, type PhotoOptions, type PhotoResult } from './photo-size'

export type { PhotoOptions, PhotoProblem, PhotoResult } from './photo-size'

export interface PhotoWorkerRequest {
  file: Blob
  options: PhotoOptions
}
export type PhotoWorkerReply = { ready: true } | { result: PhotoResult }

/** The worker could not start (no module workers, a policy): the page does the work instead. */
class WorkerUnavailable extends Error {}

const workerSupported = () => typeof Worker !== 'undefined' && typeof OffscreenCanvas !== 'undefined' && 'convertToBlob' in OffscreenCanvas.prototype

function inWorker(file: Blob, options: PhotoOptions): Promise<PhotoResult> {
  let worker: Worker
  try {
    worker = new Worker(new URL('./photo-compress.worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return Promise.reject(new WorkerUnavailable())
  }
  return new Promise<PhotoResult>((resolve, reject) => {
    let ready = false
    worker.onmessage = (event: MessageEvent<PhotoWorkerReply>) => {
      if ('ready' in event.data) {
        ready = true
        // The Blob is passed by reference, not copied: the page's main thread never reads its bytes.
        worker.postMessage({ file, options } satisfies PhotoWorkerRequest)
      } else resolve(event.data.result)
    }
    // Before "ready": the worker never started. After: it died at work, which on a phone is memory.
    worker.onerror = (event) => {
      event.preventDefault()
      if (ready) resolve({ ok: false, problem: 'no-memory', bytes: file.size })
      else reject(new WorkerUnavailable())
    }
  }).finally(() => worker.terminate())
}

/**
 * `file` scaled to at most `options.maxSide` on its longest side and encoded as JPEG at the first of
 * `options.qualities` that brings it to `options.targetBytes` or under (the last quality's result otherwise). EXIF
 * rotation is applied and all EXIF, GPS included, is dropped. Refuses a file over `options.maxInputBytes` before
 * reading it (`photo-too-large`, with its size), one that is no picture (`not-an-image`), and says `no-memory` when
 * the device cannot hold the decode.
 */
export async function compressPhoto(file: Blob, options: PhotoOptions): Promise<PhotoResult> {
  checkPhotoOptions(options)
  const early = inputProblem(file.size, options.maxInputBytes)
  if (early) return { ok: false, problem: early, bytes: file.size }
  if (workerSupported()) {
    try {
      return await inWorker(file, options)
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw e
    }
  }
  return encodePhoto(file, options)
}
