import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { QrDecodeError } from './decode'
import { startCameraScan } from './camera-scan'

// Every test hands startCameraScan its own decoder, so nothing here loads ZXing.

function fakeStream() {
  const track = { stop: vi.fn() }
  return { track, stream: { getTracks: () => [track] } as unknown as MediaStream }
}

function fakeVideo() {
  return { readyState: 4, videoWidth: 640, srcObject: null as unknown, muted: false, playsInline: false, play: vi.fn(async () => {}), pause: vi.fn() }
}
const asVideo = (v: ReturnType<typeof fakeVideo>) => v as unknown as HTMLVideoElement

function withCamera(getUserMedia: () => Promise<MediaStream>) {
  vi.stubGlobal('navigator', { mediaDevices: { getUserMedia: vi.fn(getUserMedia) } })
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('startCameraScan', () => {
  it('says unsupported where there is no camera API (an insecure page, an old browser)', async () => {
    vi.stubGlobal('navigator', {})
    expect(await startCameraScan(asVideo(fakeVideo()), { onFound: vi.fn(), decode: async () => [] })).toEqual({ ok: false, problem: 'unsupported' })
  })

  it('turns camera errors into problems instead of throwing', async () => {
    const cases = [
      ['NotAllowedError', 'permission-denied'],
      ['SecurityError', 'permission-denied'],
      ['NotFoundError', 'no-camera'],
      ['OverconstrainedError', 'no-camera'],
      ['NotReadableError', 'camera-busy'],
      ['TypeError', 'camera-failed'],
    ] as const
    for (const [name, problem] of cases) {
      withCamera(async () => Promise.reject(new DOMException('camera says no', name)))
      expect(await startCameraScan(asVideo(fakeVideo()), { onFound: vi.fn(), decode: async () => [] }), name).toEqual({ ok: false, problem })
    }
  })

  it('asks for the rear camera and shows it in the video', async () => {
    const { stream } = fakeStream()
    withCamera(async () => stream)
    const video = fakeVideo()
    await startCameraScan(asVideo(video), { onFound: vi.fn(), decode: async () => [] })
    expect(navigator.mediaDevices.getUserMedia).toHaveBeenCalledWith({ video: { facingMode: 'environment' }, audio: false })
    expect(video.srcObject).toBe(stream)
    expect(video.playsInline).toBe(true)
  })

  it('scans a frame every 200 ms, never two at once, until a QR is found; then releases the camera', async () => {
    const { stream, track } = fakeStream()
    withCamera(async () => stream)
    let running = 0
    let maxRunning = 0
    const answers = [[], [], ['LBY1.card']]
    const decode = vi.fn(async () => {
      maxRunning = Math.max(maxRunning, ++running)
      // A slow decoder (500 ms) must not make frames pile up.
      await new Promise((resolve) => setTimeout(resolve, 500))
      running--
      return answers.shift() ?? []
    })
    const onFound = vi.fn()
    const video = fakeVideo()
    const started = await startCameraScan(asVideo(video), { onFound, decode })
    expect(started.ok).toBe(true)
    await vi.advanceTimersByTimeAsync(5_000)
    expect(decode).toHaveBeenCalledTimes(3)
    expect(maxRunning).toBe(1)
    expect(onFound).toHaveBeenCalledExactlyOnceWith('LBY1.card')
    expect(track.stop).toHaveBeenCalled()
    expect(video.srcObject).toBeNull()
  })

  it('waits for frames before decoding', async () => {
    withCamera(async () => fakeStream().stream)
    const video = { ...fakeVideo(), readyState: 1, videoWidth: 0 }
    const decode = vi.fn(async () => [])
    await startCameraScan(asVideo(video), { onFound: vi.fn(), decode })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(decode).not.toHaveBeenCalled()
    Object.assign(video, { readyState: 4, videoWidth: 640 })
    await vi.advanceTimersByTimeAsync(250)
    expect(decode).toHaveBeenCalled()
  })

  it('stops scanning and releases the camera when stopped', async () => {
    const { stream, track } = fakeStream()
    withCamera(async () => stream)
    const decode = vi.fn(async () => [])
    const started = await startCameraScan(asVideo(fakeVideo()), { onFound: vi.fn(), decode })
    if (!started.ok) throw new Error('camera did not start')
    await vi.advanceTimersByTimeAsync(450)
    const seen = decode.mock.calls.length
    started.stop()
    await vi.advanceTimersByTimeAsync(2_000)
    expect(decode).toHaveBeenCalledTimes(seen)
    expect(track.stop).toHaveBeenCalled()
  })

  it('releases a camera that opens after the scan was cancelled (toggled off during the permission prompt)', async () => {
    const { stream, track } = fakeStream()
    let grant: (s: MediaStream) => void = () => {}
    withCamera(() => new Promise((resolve) => (grant = resolve)))
    const cancel = new AbortController()
    const decode = vi.fn(async () => [])
    const starting = startCameraScan(asVideo(fakeVideo()), { onFound: vi.fn(), decode, signal: cancel.signal })
    cancel.abort()
    grant(stream)
    await starting
    await vi.advanceTimersByTimeAsync(1_000)
    expect(track.stop).toHaveBeenCalled()
    expect(decode).not.toHaveBeenCalled()
  })

  it('gives up with decoder-unavailable when the decoder cannot load, and releases the camera', async () => {
    const { stream, track } = fakeStream()
    withCamera(async () => stream)
    const onProblem = vi.fn()
    const decode = vi.fn(async () => Promise.reject(new QrDecodeError('decoder-unavailable')))
    await startCameraScan(asVideo(fakeVideo()), { onFound: vi.fn(), onProblem, decode })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(onProblem).toHaveBeenCalledExactlyOnceWith('decoder-unavailable')
    expect(decode).toHaveBeenCalledTimes(1)
    expect(track.stop).toHaveBeenCalled()
  })

  it('reads on past a frame that fails to decode', async () => {
    withCamera(async () => fakeStream().stream)
    const decode = vi.fn().mockRejectedValueOnce(new QrDecodeError('unreadable-image')).mockResolvedValue(['LBY1.card'])
    const onFound = vi.fn()
    await startCameraScan(asVideo(fakeVideo()), { onFound, decode })
    await vi.advanceTimersByTimeAsync(500)
    expect(onFound).toHaveBeenCalledWith('LBY1.card')
  })
})
