import { decodeQr, preloadQrDecoder, QrDecodeError } from './decode'

/** Why the camera could not scan: each has its own message, none is thrown into the UI. */
export type CameraProblem = 'unsupported' | 'permission-denied' | 'no-camera' | 'camera-busy' | 'camera-failed' | 'decoder-unavailable'

export type CameraScanStart = { ok: true; stop: () => void } | { ok: false; problem: CameraProblem }

export interface CameraScanOptions {
  /** Called once with the first QR text seen; the camera is already released by then. */
  onFound: (text: string) => void
  /** Called when scanning stops by itself for a reason other than a find (the camera is released). */
  onProblem?: (problem: CameraProblem) => void
  /** Pause between the end of one frame's decode and the next; decodes never overlap. */
  intervalMs?: number
  /** Aborting releases the camera, at once or as soon as it has opened (a toggle-off or unmount mid-prompt). */
  signal?: AbortSignal
  /** The frame decoder; a test passes its own. */
  decode?: (frame: HTMLVideoElement) => Promise<string[]>
}

/** Whether this browser can open a camera at all (it needs a secure context). */
export function isCameraSupported(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function'
}

/**
 * Opens the rear camera (any camera where there is no rear one) into `video` and
 * scans its frames until a QR code is found or `stop` is called. Resolves with a
 * problem instead of throwing when the camera cannot be opened.
 */
export async function startCameraScan(video: HTMLVideoElement, options: CameraScanOptions): Promise<CameraScanStart> {
  if (!isCameraSupported()) return { ok: false, problem: 'unsupported' }
  const decode = options.decode ?? decodeQr
  const intervalMs = options.intervalMs ?? 200
  if (!options.decode) preloadQrDecoder()

  let stream: MediaStream
  try {
    // `facingMode` as a plain value is a preference: a laptop's only (front) camera still opens.
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
  } catch (e) {
    return { ok: false, problem: cameraProblem(e) }
  }

  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const stop = () => {
    if (stopped) return
    stopped = true
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', stop)
    for (const track of stream.getTracks()) track.stop()
    video.pause()
    video.srcObject = null
  }

  const tick = async () => {
    if (stopped) return
    // HAVE_CURRENT_DATA: before it there is no frame to read.
    if (video.readyState >= 2 && video.videoWidth > 0) {
      let texts: string[]
      try {
        texts = await decode(video)
      } catch (e) {
        if (e instanceof QrDecodeError && e.code === 'decoder-unavailable') {
          stop()
          options.onProblem?.('decoder-unavailable')
          return
        }
        // A frame caught mid-change (resize, rotation) can fail once; the next one is read.
        texts = []
      }
      if (stopped) return
      const text = texts[0]
      if (text !== undefined) {
        stop()
        options.onFound(text)
        return
      }
    }
    timer = setTimeout(() => void tick(), intervalMs)
  }

  if (options.signal?.aborted) {
    stop()
    return { ok: true, stop }
  }
  options.signal?.addEventListener('abort', stop, { once: true })
  video.muted = true
  // iOS Safari would otherwise open the stream in its fullscreen player.
  video.playsInline = true
  video.srcObject = stream
  try {
    await video.play()
  } catch (e) {
    // play() also rejects (AbortError) when an abort stopped the stream meanwhile: nothing to report then.
    if (stopped) return { ok: true, stop }
    stop()
    return { ok: false, problem: cameraProblem(e) }
  }
  void tick()
  return { ok: true, stop }
}

function cameraProblem(e: unknown): CameraProblem {
  const name = e instanceof Error || e instanceof DOMException ? e.name : ''
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'permission-denied'
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'no-camera'
    case 'NotReadableError':
    case 'AbortError':
      return 'camera-busy'
    default:
      return 'camera-failed'
  }
}
