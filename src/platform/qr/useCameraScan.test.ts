import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref } from 'vue'
import { useCameraScan } from './useCameraScan'

vi.mock('./decode', () => ({ decodeQr: vi.fn(async () => []), preloadQrDecoder: vi.fn(), QrDecodeError: class {} }))

function camera() {
  const track = { stop: vi.fn() }
  let grant: () => void = () => {}
  const getUserMedia = vi.fn(() => new Promise<MediaStream>((resolve) => (grant = () => resolve({ getTracks: () => [track] } as unknown as MediaStream))))
  vi.stubGlobal('navigator', { mediaDevices: { getUserMedia } })
  return { track, grant: () => grant() }
}
const video = () => ref({ readyState: 0, videoWidth: 0, play: async () => {}, pause: () => {} } as unknown as HTMLVideoElement)
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

afterEach(() => vi.unstubAllGlobals())

describe('useCameraScan', () => {
  it('is active from the tap on, and releases a camera that opens after it was stopped', async () => {
    const { track, grant } = camera()
    const scan = useCameraScan({ video: video(), onFound: vi.fn() })
    void scan.start()
    expect(scan.active.value).toBe(true)
    scan.stop()
    expect(scan.active.value).toBe(false)
    grant()
    await flush()
    expect(track.stop).toHaveBeenCalled()
    expect(scan.problem.value).toBeNull()
  })

  it('releases the camera when its component goes away', async () => {
    const { track, grant } = camera()
    const scope = effectScope()
    const scan = scope.run(() => useCameraScan({ video: video(), onFound: vi.fn() }))!
    const starting = scan.start()
    grant()
    await starting
    expect(track.stop).not.toHaveBeenCalled()
    scope.stop()
    expect(track.stop).toHaveBeenCalled()
    expect(scan.active.value).toBe(false)
  })

  it('shows why the camera did not open', async () => {
    vi.stubGlobal('navigator', { mediaDevices: { getUserMedia: async () => Promise.reject(new DOMException('no', 'NotAllowedError')) } })
    const scan = useCameraScan({ video: video(), onFound: vi.fn() })
    await scan.start()
    expect(scan.active.value).toBe(false)
    expect(scan.problem.value).toBe('permission-denied')
  })

  it('hides the camera where the browser has no camera API', () => {
    vi.stubGlobal('navigator', {})
    expect(useCameraScan({ video: video(), onFound: vi.fn() }).isSupported).toBe(false)
  })
})
