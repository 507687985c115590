/**
 * Module Worker running Argon2id off the main thread: at 64 MiB it takes long
 * enough to freeze the unlock screen's spinner if run on the page.
 */
import { answerKdfRequest, type KdfRequest, type KdfResponse } from './kdf-messages'

// The app's TS lib is DOM, not WebWorker (the two clash in one program); this is the slice of the worker scope we use.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<KdfRequest>) => void) | null
  postMessage(message: KdfResponse, transfer: Transferable[]): void
}

scope.onmessage = (event) => {
  void answerKdfRequest(event.data).then((response) => {
    // Transfer the key so no copy of the master secret lingers in the worker's heap.
    scope.postMessage(response, 'key' in response ? [response.key.buffer] : [])
  })
}
