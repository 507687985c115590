import { readPreference, writePreference } from '@/platform/preferences'

/** REC-4: the badge's paper: a 62 × 100 mm label or an A6 sheet. */
export type BadgePrintSize = 'label' | 'a6'

// A device preference: which printer paper this desk has, nothing about a person (platform/preferences.ts).
const preferenceKey = 'reception.badge-print-size'

/** The size a device kept; anything else (nothing yet, an old or edited value) is the label. */
export function badgePrintSizeOf(kept: string | null): BadgePrintSize {
  return kept === 'a6' ? 'a6' : 'label'
}

export function rememberedBadgePrintSize(): BadgePrintSize {
  return badgePrintSizeOf(readPreference(preferenceKey))
}

export function rememberBadgePrintSize(size: BadgePrintSize): void {
  writePreference(preferenceKey, size)
}
