/** A one-time setup code as typed: upper case, no separators (how it was derived when issued). */
export function normaliseSetupCode(typed: string): string {
  return typed.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '')
}
