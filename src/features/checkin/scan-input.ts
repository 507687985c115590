import type { CameraProblem } from '@/platform/qr/camera-scan'
import type { QrDecodeErrorCode } from '@/platform/qr/decode'

/** Everything the desk's scan input can have to say instead of a scan. */
export type ScanProblem = CameraProblem | QrDecodeErrorCode | 'no-qr'

/** The message key (under `scan.`) for each problem. */
export const scanProblemKey = {
  'no-qr': 'scan.noQr',
  'unreadable-image': 'scan.unreadableImage',
  'decoder-unavailable': 'scan.decoderUnavailable',
  'permission-denied': 'scan.permissionDenied',
  'no-camera': 'scan.noCamera',
  'camera-busy': 'scan.cameraBusy',
  'camera-failed': 'scan.cameraFailed',
  unsupported: 'scan.unsupported',
} as const satisfies Record<ScanProblem, `scan.${string}`>

// C0 controls and DEL: scanners can be set to wrap a read in STX/ETX or end it with Tab or CR.
const controlCharacters = /[\u0000-\u001f\u007f]/g

/** What a scan or a typed entry says, without a scanner's framing or surrounding spaces; null when nothing is left. */
export function cleanScanText(raw: string): string | null {
  const text = raw.replace(controlCharacters, '').trim()
  return text === '' ? null : text
}
