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
const controlCharacter = /[\u0000-\u001f\u007f]/

/** What a scan or a typed entry says, without a scanner's framing or surrounding spaces; null when nothing is left. */
export function cleanScanText(raw: string): string | null {
  const text = raw.replace(controlCharacters, '').trim()
  return text === '' ? null : text
}

/** The parts of a key press that say what it is. */
export type VerdictKey = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing'>

/**
 * MEM-3: a wedge scanner types the next card while the last verdict is still up, and focus may sit
 * on the verdict's buttons. Its first character (returned) starts the next scan; null leaves the key
 * to the verdict. Space and Enter stay the verdict's: they are how a person presses "next", and no
 * card or member number starts with either. A key typed into the verdict's own field (the override
 * reason) is that field's.
 */
export function scanStartedBy(event: VerdictKey, inVerdictField: boolean): string | null {
  if (inVerdictField || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null
  // Named keys (Enter, Tab, Shift, ArrowDown …) have long names; a character is one code point.
  if ([...event.key].length !== 1) return null
  return event.key.trim() === '' || controlCharacter.test(event.key) ? null : event.key
}
