/**
 * Module Worker compressing one photo off the page (photo-compress.ts starts one per photo and ends it after):
 * decoding 12 megapixels takes long enough to freeze the technician's screen if run on the page.
 */
import { encodePhoto } from './photo-encode'
import type { PhotoWorkerReply, PhotoWorkerRequest } from './photo-compress'

// The app's TS lib is DOM, not WebWorker (the two clash in one program); this is the slice of the worker scope we use.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PhotoWorkerRequest>) => void) | null
  postMessage(message: PhotoWorkerReply): void
}

scope.onmessage = (event) => {
  const { file, options } = event.data
  void encodePhoto(file, options).then(
    (result) => scope.postMessage({ result }),
    () => scope.postMessage({ result: { ok: false, problem: 'no-memory', bytes: file.size } }),
  )
}
// Loaded: an error from here on is the work failing (memory), not the worker failing to start.
scope.postMessage({ ready: true })
