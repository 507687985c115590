import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue'
import { isCameraSupported, startCameraScan, type CameraProblem } from './camera-scan'

export interface UseCameraScanOptions {
  /** The element the camera shows in; it must be mounted when `start` is called. */
  video: Ref<HTMLVideoElement | null | undefined>
  /** The first QR text seen; the camera has been released by then. */
  onFound: (text: string) => void
}

/**
 * The camera scanner as reactive state: `active` while the camera is wanted,
 * `problem` when it could not scan. Vue's own scope hooks rather than vueuse's
 * keep this out of the chunk vueuse shares with the first load.
 */
export function useCameraScan({ video, onFound }: UseCameraScanOptions) {
  /** No camera API (an insecure page, an old browser): hide the camera button. */
  const isSupported = isCameraSupported()
  const active = ref(false)
  const problem = ref<CameraProblem | null>(null)
  let session: AbortController | undefined

  async function start(): Promise<void> {
    const el = video.value
    if (active.value || !el) return
    problem.value = null
    active.value = true
    const own = new AbortController()
    session = own
    const result = await startCameraScan(el, {
      signal: own.signal,
      onFound(text) {
        end(own)
        onFound(text)
      },
      onProblem(reason) {
        end(own)
        problem.value = reason
      },
    })
    if (!result.ok && !own.signal.aborted) {
      end(own)
      problem.value = result.problem
    }
  }

  /** Releases the camera; safe to call at any time, also while the permission prompt is open. */
  function stop(): void {
    if (session) end(session)
  }

  function end(own: AbortController): void {
    own.abort()
    if (session !== own) return
    session = undefined
    active.value = false
  }

  if (getCurrentScope()) onScopeDispose(stop)
  return { isSupported, active, problem, start, stop }
}
